/**
 * What the web page's suites share: the preview server, a browser that accepts downloads and a
 * scratch folder for one describe block, and a workbook's parts to compare the page's download
 * with the command's output.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readEntry, readZip } from '../../src/hosts/xlsx';
import { launchBrowser, startPreviewServer, type Browser, type PreviewServer } from './browser';

export interface ServedPage {
  server: PreviewServer;
  browser: Browser;
  /** A scratch folder, removed after the block. */
  dir: string;
}

/** Starts the server and the browser before the block's tests (in `beforeAll`) and stops them after; the fields are set once the tests run. */
export function servedPageSuite(prefix: string): ServedPage {
  const suite = {} as ServedPage;
  beforeAll(async () => {
    suite.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    suite.server = await startPreviewServer();
    suite.browser = await launchBrowser({ acceptDownloads: true });
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
    if (suite.dir) fs.rmSync(suite.dir, { recursive: true, force: true });
  });
  return suite;
}

/** Every part in order with its uncompressed content (zip timestamps and compression aside). */
export function packageParts(bytes: Uint8Array): { name: string; content: Buffer }[] {
  return readZip(bytes).map((e) => ({ name: e.name, content: Buffer.from(readEntry(e)) }));
}
