import { downloadFile } from '../download';
/** Hands a text file to the user. Injectable so that tests can see what would be saved. */
export type SaveTextFile = (fileName: string, text: string) => void;

/** Hands a text file to the user the browser way (downloadFile). */
export const downloadTextFile: SaveTextFile = (fileName, text) => downloadFile(fileName, new Blob([text], { type: 'application/json;charset=utf-8' }));

/** Reads a chosen file as UTF-8 text (FileReader: `Blob.text()` is missing in older webviews). */
export function readTextFile(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? '').replace(/^\uFEFF/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });
}
