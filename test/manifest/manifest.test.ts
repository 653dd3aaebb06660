import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { toolSkipReason } from '../render/tools';
import { COMMAND_NAMES } from '../../src/commands/names';
import { webpackConfig } from './webpack-config';

const root = path.resolve(__dirname, '../..');
const manifestPath = path.join(root, 'manifest.xml');
const schema = path.resolve(root, '../shared/schemas/office-manifest/OfficeAppManifestV1_1.xsd');
if (!fs.existsSync(schema) && process.env.CI) throw new Error(`manifest schemas missing in CI at ${schema}`);
const skip = !fs.existsSync(schema) ? `manifest schemas not found at ${schema}` : toolSkipReason('xmllint', 'libxml2-utils');

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};
const PRODUCTION_BASE = 'https://addin.example.gov.cn/tricolor/';

const xml = fs.readFileSync(manifestPath, 'utf8');
const doc = new DOMParser().parseFromString(xml, 'text/xml');
const all = (ns: keyof typeof NS, name: string, under: { getElementsByTagNameNS(ns: string, name: string): ArrayLike<Element> } = doc) =>
  Array.from(under.getElementsByTagNameNS(NS[ns], name));
const one = (ns: keyof typeof NS, name: string, under?: Element) => {
  const found = all(ns, name, under);
  expect([name, found.length]).toEqual([name, 1]);
  return found[0];
};
const zhOverride = (element: Element, ns: keyof typeof NS) =>
  all(ns, 'Override', element).find((o) => o.getAttribute('Locale') === 'zh-CN')?.getAttribute('Value') ?? null;
/** The zh-CN text of the string resource `resid`. */
const zhString = (resid: string) => zhOverride(all('bt', 'String').find((s) => s.getAttribute('id') === resid)!, 'bt');

function validate(file: string) {
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr.trim() };
}

/** Every URL the manifest names: attribute values and text, leaving out namespace declarations. */
function urlsIn(text: string): string[] {
  const d = new DOMParser().parseFromString(text, 'text/xml');
  const urls: string[] = [];
  const visit = (node: Element) => {
    for (const attr of Array.from(node.attributes ?? [])) if (!/^xmlns(:|$)/.test(attr.name) && /^[a-z]+:\/\//i.test(attr.value)) urls.push(attr.value);
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === child.ELEMENT_NODE) visit(child as Element);
      else if (child.nodeType === child.TEXT_NODE && /^\s*[a-z]+:\/\//i.test(child.nodeValue ?? '')) urls.push(child.nodeValue!.trim());
    }
  };
  visit(d.documentElement!);
  return urls;
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

const CJK = /[\u4e00-\u9fff]/;

describe('manifest.xml', () => {
  (skip ? it.skip : it)(`validates offline against the Office add-in manifest schema${skip ? ` (skipped: ${skip})` : ''}`, () => {
    expect(validate(manifestPath)).toEqual({ status: 0, stderr: `${manifestPath} validates` });
  });

  it('is an Excel task pane add-in asking for ReadWriteDocument and ExcelApi 1.1 only (the rest is detected at run time)', () => {
    expect(doc.documentElement!.getAttributeNS(NS.xsi, 'type')).toBe('TaskPaneApp');
    expect(all('app', 'Host').map((h) => h.getAttribute('Name'))).toEqual(['Workbook']);
    expect(one('app', 'Permissions').textContent).toBe('ReadWriteDocument');
    expect(all('bt', 'Set').concat(all('app', 'Set')).map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')])).toEqual([['ExcelApi', '1.1']]);
    expect(all('ov', 'Requirements')).toEqual([]);
    expect(all('app', 'Method')).toEqual([]);
  });

  it('puts the 三色台账 group on the Home tab with its four buttons', () => {
    const tab = one('ov', 'OfficeTab');
    expect(tab.getAttribute('id')).toBe('TabHome');
    const group = one('ov', 'Group', tab);
    const groupLabel = all('ov', 'Label', group).filter((l) => l.parentNode === group);
    expect(groupLabel).toHaveLength(1);
    expect(zhString(groupLabel[0].getAttribute('resid')!)).toBe('三色台账');
    const buttons = all('ov', 'Control', group).map((control) => {
      const label = all('ov', 'Label', control)[0].getAttribute('resid')!;
      const action = one('ov', 'Action', control);
      const type = action.getAttributeNS(NS.xsi, 'type');
      const target = type === 'ExecuteFunction' ? one('ov', 'FunctionName', action).textContent : resourceUrl(one('ov', 'SourceLocation', action).getAttribute('resid')!);
      return [control.getAttributeNS(NS.xsi, 'type'), zhString(label), type, target];
    });
    expect(buttons).toEqual([
      ['Button', '一键分级上色', 'ExecuteFunction', 'triageAndColour'],
      ['Button', '生成回访清单', 'ExecuteFunction', 'writeDueList'],
      ['Button', '生成联席会议汇总', 'ExecuteFunction', 'writeMeetingSummary'],
      ['Button', '打开面板', 'ShowTaskpane', 'https://localhost:3000/taskpane.html'],
    ]);
    expect(resourceUrl(one('ov', 'FunctionFile').getAttribute('resid')!)).toBe('https://localhost:3000/commands.html');
    expect(one('app', 'SourceLocation').getAttribute('DefaultValue')).toBe('https://localhost:3000/taskpane.html');
  });

  describe('every <FunctionName> is associated in code', () => {
    const functionNames = all('ov', 'FunctionName').map((f) => f.textContent!.trim());
    const sources = listFiles(path.join(root, 'src/commands'))
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
      .map((f) => fs.readFileSync(f, 'utf8'));
    const registeredInSource = sources.flatMap((s) => [...s.matchAll(/registerCommand\(\s*['"`](\w+)['"`]/g)].map((m) => m[1]));

    it('names exactly the commands listed in src/commands/names.ts', () => {
      expect([...functionNames].sort()).toEqual([...COMMAND_NAMES].sort());
    });

    it('is registered with registerCommand(\'name\', …) in src/commands, once, and nothing else is', () => {
      expect([...registeredInSource].sort()).toEqual([...functionNames].sort());
    });

    it('is handed to Office.actions.associate and set as a global when commands.js loads', async () => {
      const associated = new Map<string, unknown>();
      const g = globalThis as Record<string, unknown>;
      g.Office = { actions: { associate: (name: string, fn: unknown) => associated.set(name, fn) }, onReady: () => Promise.resolve({}) };
      try {
        await import('../../src/commands/commands');
        for (const name of functionNames) {
          expect([name, typeof associated.get(name)]).toEqual([name, 'function']);
          expect(g[name]).toBe(associated.get(name));
        }
      } finally {
        delete g.Office;
      }
    });
  });

  it('defines every resid it uses, once, and uses every resource it defines', () => {
    const used = new Set<string>();
    const visit = (node: Element) => {
      if (node.hasAttribute?.('resid')) used.add(node.getAttribute('resid')!);
      for (const child of Array.from(node.childNodes)) if (child.nodeType === child.ELEMENT_NODE) visit(child as Element);
    };
    visit(doc.documentElement!);
    const defined = [...all('bt', 'Image'), ...all('bt', 'Url'), ...all('bt', 'String')].map((e) => e.getAttribute('id')).filter((id): id is string => id !== null);
    expect(defined.filter((id, i) => defined.indexOf(id) !== i)).toEqual([]);
    expect([...used].filter((id) => !defined.includes(id))).toEqual([]);
    expect(defined.filter((id) => !used.has(id))).toEqual([]);
  });

  it('has a Chinese (zh-CN) override for its name, its description and every string resource', () => {
    const strings = [one('app', 'DisplayName'), one('app', 'Description'), ...all('bt', 'String')];
    expect(strings.length).toBeGreaterThan(2);
    for (const element of strings) {
      const name = element.getAttribute('id') ?? element.localName;
      const zh = zhOverride(element, element.namespaceURI === NS.bt ? 'bt' : 'app');
      expect([name, zh !== null && CJK.test(zh)]).toEqual([name, true]);
      expect([name, zh === element.getAttribute('DefaultValue')]).toEqual([name, false]);
    }
    expect(zhOverride(one('app', 'DisplayName'), 'app')).toBe('三色台账');
  });

  it('points every URL at https://localhost:3000/, every page at one the build makes, every icon at a PNG of its size in assets/', () => {
    const urls = urlsIn(xml);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith(webpackConfig.DEV_BASE_URL))).toEqual([]);
    const pages = webpackConfig.PAGES.map((p) => p.filename);
    for (const url of urls.filter((u) => /\.html$/.test(u))) expect([url, pages.includes(url.slice(webpackConfig.DEV_BASE_URL.length))]).toEqual([url, true]);
    const assets = urls.filter((u) => !/\.html$/.test(u));
    for (const url of assets) {
      const file = path.join(root, url.slice(webpackConfig.DEV_BASE_URL.length));
      expect([url, /^assets\/[\w-]+\.png$/.test(path.relative(root, file).split(path.sep).join('/')), fs.existsSync(file)]).toEqual([url, true, true]);
    }
    // Icons are drawn at their size, not scaled by Office: 32 and 64 for the add-in, 16/32/80 on the ribbon.
    const size = (url: string) => pngSize(path.join(root, url.slice(webpackConfig.DEV_BASE_URL.length)));
    expect(size(one('app', 'IconUrl').getAttribute('DefaultValue')!)).toEqual([32, 32]);
    expect(size(one('app', 'HighResolutionIconUrl').getAttribute('DefaultValue')!)).toEqual([64, 64]);
    const iconRefs = all('ov', 'Icon').flatMap((icon) => all('bt', 'Image', icon));
    expect(iconRefs.length).toBe(15);
    for (const ref of iconRefs) {
      const n = Number(ref.getAttribute('size'));
      expect([ref.getAttribute('resid'), size(resourceUrl(ref.getAttribute('resid')!))]).toEqual([ref.getAttribute('resid'), [n, n]]);
    }
  });

  describe('production rewrite (npm run build with ADDIN_BASE_URL)', () => {
    const rewritten = webpackConfig.rewriteManifestUrls(xml, PRODUCTION_BASE);

    it('changes every localhost URL to the production base and nothing else', () => {
      expect(rewritten).not.toMatch(/localhost|127\.0\.0\.1/);
      const before = urlsIn(xml);
      expect(urlsIn(rewritten)).toEqual(before.map((u) => PRODUCTION_BASE + u.slice(webpackConfig.DEV_BASE_URL.length)));
      expect(rewritten.split(PRODUCTION_BASE).join(webpackConfig.DEV_BASE_URL)).toBe(xml);
    });

    (skip ? it.skip : it)(`still validates against the schema${skip ? ` (skipped: ${skip})` : ''}`, () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tricolor-manifest-')), 'manifest.xml');
      fs.writeFileSync(file, rewritten);
      expect(validate(file)).toEqual({ status: 0, stderr: `${file} validates` });
    });

    it('escapes the base for XML and refuses to leave any URL pointing at this computer', () => {
      expect(webpackConfig.rewriteManifestUrls('<a b="https://localhost:3000/x.html"/>', 'https://h.example/a&b/')).toBe('<a b="https://h.example/a&amp;b/x.html"/>');
      expect(() => webpackConfig.rewriteManifestUrls('<a b="https://localhost:3001/x.html"/>', PRODUCTION_BASE)).toThrow('still points at this computer after rewriting: https://localhost:3001/x.html');
      expect(() => webpackConfig.rewriteManifestUrls('<a b="https://127.0.0.1:3000/x"/>', PRODUCTION_BASE)).toThrow('https://127.0.0.1:3000/x');
      expect(() => webpackConfig.rewriteManifestUrls(xml, 'http://addin.example.gov.cn/')).toThrow('must be https');
      expect(() => webpackConfig.rewriteManifestUrls(xml, 'https://addin.example.gov.cn/tricolor')).toThrow("end with '/'");
    });

    it.each([
      ['https://addin.example.gov.cn/tricolor', 'https://addin.example.gov.cn/tricolor/'],
      ['  https://addin.example.gov.cn/  ', 'https://addin.example.gov.cn/'],
      ['https://10.1.2.3:8443/addin/', 'https://10.1.2.3:8443/addin/'],
    ])('takes ADDIN_BASE_URL %j as %s', (raw, base) => {
      expect(webpackConfig.addinBaseUrl(raw)).toBe(base);
    });

    it.each([
      [undefined, 'ADDIN_BASE_URL=https://addin.example.gov.cn/tricolor/ npm run build'],
      ['', 'npm run build:dev'],
      ['addin.example.gov.cn/tricolor/', 'is not a URL'],
      ['http://addin.example.gov.cn/', 'must be https'],
      ['https://addin.example.gov.cn/?v=1', 'must not have a query'],
      ['https://addin.example.gov.cn/#x', 'must not have a query'],
      ['https://localhost:3000/', 'points at this computer'],
      ['https://127.0.0.1/', 'points at this computer'],
    ])('refuses ADDIN_BASE_URL %j, saying why', (raw, why) => {
      expect(() => webpackConfig.addinBaseUrl(raw)).toThrow(why);
    });
  });
});

function resourceUrl(resid: string): string {
  return all('bt', 'Url').concat(all('bt', 'Image')).find((u) => u.getAttribute('id') === resid)!.getAttribute('DefaultValue')!;
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
