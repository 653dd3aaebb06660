/**
 * The end-to-end suite's browser: Debian's chromium driven by playwright-core (no browser
 * download), pages opened with the network cut off at the loopback, the preview server
 * (scripts/preview.js) on a free port, and axe-core run inside the page.
 *
 * Run with `npm run test:e2e` (jest.e2e.config.js); CHROMIUM overrides /usr/bin/chromium.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Where Microsoft's hosted Office.js lives, and the local copy (@microsoft/office-js) the pane
 * gets instead. office.js loads companions from its own directory (o15apptofilemappingtable.js
 * first, then the host's excel-*.js and strings), so the whole directory is answered locally.
 */
export const OFFICE_JS_BASE = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_JS_LOCAL = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');

/**
 * Office.js's own telemetry frame, which o15apptofilemappingtable.js opens even outside Office. It
 * is blocked like everything else; tests that allow it say so (it is Microsoft's, not the pane's).
 */
export const OFFICE_JS_TELEMETRY = 'https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html';

/** The local copy of a hosted Office.js file, or null if `url` is not one we have. */
function localOfficeJs(url: string): string | null {
  const bare = url.split(/[?#]/)[0];
  if (!bare.startsWith(OFFICE_JS_BASE)) return null;
  const rest = decodeURIComponent(bare.slice(OFFICE_JS_BASE.length));
  if (!/^[\w.-]+(\/[\w.-]+)*$/.test(rest) || rest.split('/').includes('..')) return null;
  const file = path.join(OFFICE_JS_LOCAL, rest);
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches chromium with a fresh user-data directory, removed again by close(). */
export async function launchBrowser(options: { acceptDownloads?: boolean } = {}): Promise<Browser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tricolor-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: options.acceptDownloads ?? true,
    // Chromium's own widgets (date fields, the file button) follow the process's language, not the
    // page's locale: Chinese, as users see them, where chromium-l10n is installed (.ci/run does).
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN' },
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface NetworkLog {
  /** Every request to a host other than 127.0.0.1/localhost that was aborted. */
  blocked: string[];
  /** Requests for outside URLs answered from a local copy (Office.js). */
  servedLocally: string[];
  /** Console errors and uncaught page errors, for diagnosing a failure. */
  errors: string[];
}

/** A URL on this computer: http(s) to the loopback, or a file: URL (a page opened from disk). */
function isLocal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:') return true;
  const host = parsed.hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/**
 * A new page in `browser` on which every request to a non-loopback host is aborted and recorded,
 * except Office.js (anything under OFFICE_JS_BASE that @microsoft/office-js has), which is
 * answered from node_modules and recorded as served locally. data: and blob: URLs never reach the router.
 *
 * `officeJs: false` is a computer without network: Office.js is blocked (and recorded as blocked)
 * like everything else, so the page runs without office.js at all.
 */
export async function openIsolatedPage(browser: Browser, options: { viewport?: { width: number; height: number }; officeJs?: boolean } = {}): Promise<{ page: Page; network: NetworkLog }> {
  const page = await browser.context.newPage();
  if (options.viewport) await page.setViewportSize(options.viewport);
  const network: NetworkLog = { blocked: [], servedLocally: [], errors: [] };
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    const local = options.officeJs === false ? null : localOfficeJs(url);
    if (local) {
      network.servedLocally.push(url);
      return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: fs.readFileSync(local) });
    }
    network.blocked.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('console', (message) => {
    if (message.type() === 'error') network.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => network.errors.push(`page: ${error.message}`));
  return { page, network };
}

export interface PreviewServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts `node scripts/preview.js` on a free port (PREVIEW_PORT=0) and resolves with its URL once
 * it prints it. dist/ must exist (jest.e2e.config.js builds it in globalSetup).
 */
export function startPreviewServer(): Promise<PreviewServer> {
  // stdin stays open as a lifeline: if this process dies without stop(), the server exits too.
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'scripts', 'preview.js'), '--exit-with-stdin'], {
    cwd: ROOT,
    env: { ...process.env, PREVIEW_PORT: '0' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`preview server printed no URL within 10 s:\n${out}${err}`));
    }, 10_000);
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[0], stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`preview server exited (${code}) before printing its URL:\n${out}${err}`));
    });
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

/**
 * Runs axe-core (from node_modules) in the page; returns the serious and critical violations.
 * axe is evaluated through the DevTools protocol rather than added with page.addScriptTag: that
 * adds an inline <script>, which web.html's Content-Security-Policy (script-src 'self') refuses,
 * as it should.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => (v.id === 'aria-hidden-focus' ? { ...v, nodes: v.nodes.filter((n) => !isTabsterDummy(n.html)) } : v))
    .filter((v) => v.nodes.length > 0);
}

/**
 * Fluent UI's focus manager (Tabster) puts `<i tabindex="0" aria-hidden="true" data-tabster-dummy>`
 * around focus groups on purpose: they only pass focus on, and hiding them keeps screen readers
 * quiet. axe's aria-hidden-focus flags them; Microsoft treats that as a false positive
 * (microsoft/tabster#288, microsoft/accessibility-insights-web#7613). Only those elements, and only
 * for that rule, are left out.
 */
function isTabsterDummy(html: string): boolean {
  return /^<i\b[^>]*\bdata-tabster-dummy=/.test(html);
}

/** One line per violation and node, for a readable failure message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}`).join('\n')}`).join('\n');
}
