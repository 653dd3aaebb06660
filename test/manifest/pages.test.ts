import * as fs from 'fs';
import * as path from 'path';
import { webpackConfig } from './webpack-config';

const root = path.resolve(__dirname, '../..');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

describe('the add-in’s pages (webpack.config.js)', () => {
  it('have every entry and template they name', () => {
    const files = [...Object.values(webpackConfig.ADDIN_ENTRIES), ...webpackConfig.PAGES.map((p) => p.template)];
    expect(files.filter((f) => !fs.existsSync(path.join(root, f)))).toEqual([]);
    const chunks = webpackConfig.PAGES.flatMap((p) => p.chunks);
    expect(Object.keys(webpackConfig.ADDIN_ENTRIES).filter((entry) => !chunks.includes(entry))).toEqual([]);
  });

  it.each(webpackConfig.PAGES.map((p) => [p.filename, p.template, p.chunks.length > 0] as const))(
    '%s loads nothing from the network but Office.js from Microsoft’s CDN (no web fonts, no analytics)',
    (_page, template, scripted) => {
      const html = fs.readFileSync(path.join(root, template), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
      const remote = [...html.matchAll(/(?:src|href|action|poster|data)\s*=\s*["']?\s*((?:https?:)?\/\/[^"'\s>]+)|url\(\s*["']?((?:https?:)?\/\/[^"')\s]+)|@import\s+["']((?:https?:)?\/\/[^"']+)/gi)].map(
        (m) => m[1] ?? m[2] ?? m[3],
      );
      expect(remote.filter((url) => url !== OFFICE_JS)).toEqual([]);
      // A page with script needs Office.js before its bundle; the static help page needs nothing.
      expect(remote.includes(OFFICE_JS)).toBe(scripted);
    },
  );
});
