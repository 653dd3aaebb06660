import * as v8 from 'v8';
import * as vm from 'vm';
import { toHalfWidth } from '../../src/core';
import { Scanner } from '../../src/core/rules/text-scan';
import { readSheetXml } from '../../src/hosts/xlsx/sheet-reader';

// A collection on demand, to see what the grid keeps alive once the sheet's text is let go.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

const MB = 1024 * 1024;

/** The grid of a sheet whose text is about 80 MB (40 million characters, two bytes each): the text itself is dropped on return. */
function readLargeSheet(cell: string): ReturnType<typeof readSheetXml> {
  const padding = ' '.repeat(40 * MB);
  const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cell}</row>${padding}<row r="2"><c r="A2"><v>1</v></c></row></sheetData></worksheet>`;
  return readSheetXml(xml, { name: '台账', sharedStrings: () => [], formatOf: () => null, date1904: false });
}

describe('the cells read from a sheet keep no view into its text', () => {
  it.each([
    ['an inline string (a re-run of 100,000 rows passed the heap cap)', '<c r="A1" t="inlineStr"><is><t>{text}</t></is></c>'],
    ["a formula's text result", '<c r="A1" t="str"><f>B1&amp;C1</f><v>{text}</v></c>'],
    ['an ISO date cell as LibreOffice writes it', '<c r="A1" t="d"><v>{text}</v></c>'],
  ])('%s kept in the grid does not keep the 80 MB text alive', (_, cell) => {
    const text = cell.includes('t="d"') ? '2026-11-30T00:00:00' : '红：人身安全威胁：“对方扬言要找人报复”';
    collect();
    const before = process.memoryUsage().heapUsed;
    const grid = readLargeSheet(cell.replace('{text}', text));
    // V8 keeps the subject of the last regular-expression match: another match lets the text go.
    /x/.exec('x');
    collect();
    const kept = process.memoryUsage().heapUsed - before;
    expect(grid.values[0][0]).toBe(text);
    expect(kept).toBeLessThan(8 * MB);
  });
});

describe('text made half-width keeps no view into where it came from', () => {
  it('a long description, converted and remembered, does not keep an 80 MB shared-string table alive', () => {
    collect();
    const before = process.memoryUsage().heapUsed;
    const converted = (() => {
      const table = `<sst>${' '.repeat(40 * MB)}<si><t>${'张三与李四因宅基地边界发生争执，多次调解未果（已报警）。'.repeat(12)}</t></si></sst>`;
      const description = table.slice(table.indexOf('<t>') + 3, table.indexOf('</t>'));
      return toHalfWidth(description);
    })();
    /x/.exec('x');
    collect();
    expect(converted).toContain('争执,多次调解未果(已报警)');
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(8 * MB);
  });
});

describe("the triage scanner's cache", () => {
  it('holds a few megabytes whatever the texts, counting their hits and not only their characters', () => {
    const scanner = new Scanner({ classes: [{ words: ['持刀', '砍', '刀'] }], exclusions: [], negations: [], notNegations: [] });
    collect();
    const before = process.memoryUsage().heapUsed;
    // A thousand distinct cells of 1,000 characters with a hit every other one: ~500 hits each.
    for (let i = 0; i < 1000; i++) scanner.scan(`${i}号：${'持刀砍，'.repeat(250)}`);
    collect();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(16 * MB);
    // And a text scanned again is the kept scan.
    const text = `${'持刀砍，'.repeat(250)}末`;
    expect(scanner.scan(text)).toBe(scanner.scan(text));
  });

  it('keeps the last scan too heavy for it, so one long text of words behind many cells is scanned once', () => {
    const scanner = new Scanner({ classes: [{ words: ['持刀', '持刀砍', '刀', '刀砍', '砍'] }], exclusions: [], negations: [], notNegations: [] });
    // 32,767 characters, Excel's longest cell, with five hits in every three: more than the whole cache weighs.
    const heavy = (head: string) => head + '持刀砍'.repeat(10923).slice(0, 32_767 - head.length);
    const first = heavy('甲');
    const scanned = scanner.scan(first);
    expect(scanned.weight()).toBeGreaterThan(1 << 20);
    // Another copy of the same text, as each cell of a shared string is.
    expect(scanner.scan(heavy('甲'))).toBe(scanned);
    // A small text between does not push it out; another heavy text takes its place.
    scanner.scan('持刀');
    expect(scanner.scan(first)).toBe(scanned);
    const second = scanner.scan(heavy('乙'));
    expect(second).not.toBe(scanned);
    expect(scanner.scan(heavy('乙'))).toBe(second);
    expect(scanner.scan(first)).not.toBe(scanned);
  });
});
