/**
 * The page's way of loading Microsoft's Excel library for the in-browser workbook: a <script> tag
 * for each file, as office.js itself does, with the same set-up around them as the Office.js test
 * harness (office-runtime.ts's loadLibraryWith). The build ships the files under dist/officejs/
 * (webpack.config.js copies them from @microsoft/office-js).
 */
import { libraryFiles, loadedBuild, loadLibraryWith, type LibraryBuild } from './office-runtime';

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

/**
 * The objects office.js's loader left in the page when it found no Office host. The library cannot
 * extend them (office.js makes Office.context — Microsoft.Office.WebExtension.context — non-configurable: "Cannot redefine property"), so
 * they make way, as in Excel, where office.js loads the library before building them. (Declared
 * with `var`, they can be overwritten but not deleted.) The pane is done with office.js by then:
 * Office.onReady has answered. Without network office.js never loaded and there is nothing to clear:
 * the library needs nothing of it (office-runtime.ts stands in for its loader).
 */
const OFFICE_JS_LOADER_GLOBALS = ['Office', 'OfficeExt', 'Microsoft'];

/** Loads the build once into this page's globals (Excel, Office, OfficeExtension, OSF). */
export function loadLibraryInPage(base: string = DEFAULT_LIBRARY_BASE, build: LibraryBuild = 'release'): Promise<void> {
  const baseUrl = new URL(base, document.baseURI);
  if (loadedBuild() === null) {
    const g = globalThis as unknown as Record<string, unknown>;
    for (const name of OFFICE_JS_LOADER_GLOBALS) if (name in g) g[name] = undefined;
  }
  const library = libraryFiles(build).library;
  return loadLibraryWith(build, async (file: string) => {
    const url = new URL(file, baseUrl).href;
    await addScript(url);
    return file === library ? textOf(url) : null;
  });
}
