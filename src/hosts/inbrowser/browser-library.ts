/**
 * The page's way of loading Microsoft's Excel library for the in-browser workbook: a <script> tag
 * for each file, as office.js itself does, with the same set-up around them as the Office.js test
 * harness (office-runtime.ts's loadLibraryWith). The build ships the files under dist/officejs/
 * (webpack.config.js copies them from @microsoft/office-js).
 */
import { libraryFiles, loadLibraryWith, type LibraryBuild } from './office-runtime';

/** Where the build puts Microsoft's files, relative to the task pane's page. */
export const DEFAULT_LIBRARY_BASE = 'officejs/';

function addScript(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.async = false;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${url}`));
    document.head.appendChild(script);
  });
}

/** The file's text (for the requirement sets of each member), or null where it cannot be read (file: pages). */
async function textOf(url: string): Promise<string | null> {
  try {
    const response = await fetch(url);
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

/** Loads the build once into this page's globals (Excel, Office, OfficeExtension, OSF). */
export function loadLibraryInPage(base: string = DEFAULT_LIBRARY_BASE, build: LibraryBuild = 'release'): Promise<void> {
  const baseUrl = new URL(base, document.baseURI);
  const library = libraryFiles(build).library;
  return loadLibraryWith(build, async (file: string) => {
    const url = new URL(file, baseUrl).href;
    await addScript(url);
    return file === library ? textOf(url) : null;
  });
}
