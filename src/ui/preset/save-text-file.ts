/** Hands a text file to the user. Injectable so that tests can see what would be saved. */
export type SaveTextFile = (fileName: string, text: string) => void;

/**
 * The browser way: a Blob behind an object URL, followed by a temporary `<a download>`.
 * In Excel on the web and in the WebView2 pane of Excel for Windows this opens the save dialog
 * or the downloads bar; nothing leaves the machine.
 */
export const downloadTextFile: SaveTextFile = (fileName, text) => {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a moment later is safe.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

/** Reads a chosen file as UTF-8 text (FileReader: `Blob.text()` is missing in older webviews). */
export function readTextFile(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? '').replace(/^\uFEFF/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });
}
