/**
 * Hands a file to the user the browser way: a Blob behind an object URL, followed by a temporary
 * `<a download>`. In Excel on the web, the WebView2 pane of Excel for Windows and a plain browser
 * this opens the save dialog or the downloads bar; nothing leaves the machine.
 */
export function downloadFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a moment later is safe.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
