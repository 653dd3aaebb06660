/**
 * Damaged and hostile workbooks (issue 10): each ends quickly with a catalogue message that says
 * what the file is and names it, or is read correctly — never a hang, a raw error, gigabytes of
 * memory or a value that is not in the file.
 */
import { CATALOGUE, columnIndex, DEFAULT_PRESET, parseIsoDay, type CellValue, WorkbookError } from '../../src/core';
import {
  processWorkbook,
  writeReportWorkbook,
  readEntry,
  readLedgerWorkbook,
  readZip,
  type WorkbookJobOptions,
} from '../../src/hosts/xlsx';
import { NODE_CODEC } from '../../src/cli/node-codec';
import { writeXlsx } from '../../scripts/lib/xlsx-writer';
import { crcOf, editPart, partsOf, prefixSpreadsheetMl, writeRawZip, zeros, type RawEntry } from '../fuzz/zip-tools';
import { deflateSync } from 'fflate';
import { wellFormed } from '../fuzz/reference';
import { partOf } from './preservation';
import { validateParts, validationSkipReason } from '../support/ooxml';
import { SMALL_LEDGER_MERGES, SMALL_LEDGER_ROWS, smallLedger } from './small-ledger';
import { withSheetSizes } from './sheet-sizes';
import { makeBigLedger } from '../../scripts/sample/make-big-ledger';

const options: WorkbookJobOptions = {
  fileName: 'ledger.xlsx',
  asOf: parseIsoDay('2026-11-28')!,
  preset: DEFAULT_PRESET,
  language: 'zh',
  mask: true,
};
const SHEET = 'xl/worksheets/sheet1.xml';
const utf8 = (text: string) => new TextEncoder().encode(text);
const clean = smallLedger();

/**
 * The error a run ends with (code and message), or 'no error'. The run must end within `seconds`:
 * what this catches is a hang (the cases here took minutes or for ever before they were fixed), so
 * the bound is generous enough for a loaded CI machine, where 0.1 s can become 4.
 */
function failure(run: () => unknown, seconds = 15): { code: string; message: string } | string {
  const start = Date.now();
  try {
    run();
    return 'no error';
  } catch (e) {
    if (!(e instanceof WorkbookError)) throw e;
    return { code: e.code, message: e.message };
  } finally {
    expect(Date.now() - start).toBeLessThan(seconds * 1000);
  }
}

/** processWorkbook and readLedgerWorkbook both end with `code`, in a message that names the file. */
function expectRefused(bytes: Uint8Array, code: keyof typeof CATALOGUE, text?: RegExp) {
  const viaProcess = failure(() => processWorkbook(bytes, options));
  expect(viaProcess).toEqual({ code, message: expect.stringContaining('“ledger.xlsx”') });
  if (text) expect((viaProcess as { message: string }).message).toMatch(text);
  expect(failure(() => readLedgerWorkbook(bytes, { fileName: 'ledger.xlsx', language: 'zh' }))).toEqual(viaProcess);
}

const valuesOf = (bytes: Uint8Array): CellValue[][] => readLedgerWorkbook(bytes, { fileName: 'ledger.xlsx', language: 'zh' }).input.ledger.values;
const withSheet = (edit: (xml: string) => string) => editPart(clean, SHEET, edit);

describe('the zip reader checks every entry it reads', () => {
  const parts = partsOf(clean);
  const withEntry = (name: string, change: Partial<RawEntry>) => writeRawZip(parts.map((p) => (p.name === name ? { ...p, ...change } : p)));

  it('refuses a sheet whose bytes changed after its CRC was taken (46327 read as 46328, with no warning before)', () => {
    const stored = writeRawZip(parts.map((p) => ({ ...p, method: 0 })));
    const at = Buffer.from(stored).indexOf('<v>46327</v>');
    const flipped = stored.slice();
    flipped[at + 7] ^= 0x0f; // '7' → '8'
    expectRefused(flipped, 'file.checksum', /xl\/worksheets\/sheet1\.xml 校验不符/);
  });

  it.each(['xl/sharedStrings.xml', '[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', SHEET])(
    'calls %s damaged when it is stored empty or a few bytes long, wherever it starts (an unaligned word view threw a raw RangeError)',
    (name) => {
      for (const pad of [0, 1, 2, 3])
        for (const data of ['', '<', '<a', '<a/']) {
          const entries = parts.map((p) => (p.name === name ? { ...p, data: utf8(data), method: 0 } : p));
          // A stored entry of `pad` bytes first shifts every later entry's data by as much.
          const bytes = writeRawZip([{ name: 'customXml/pad.bin', data: zeros(pad), method: 0 }, ...entries]);
          const refused = failure(() => processWorkbook(bytes, options));
          expect(refused).toEqual(expect.objectContaining({ code: expect.stringMatching(/^file\./) }));
          expect((refused as { message: string }).message).toContain(name);
        }
    },
  );

  it('refuses declared sizes that are not the data\'s', () => {
    const sheet = parts.find((p) => p.name === SHEET)!;
    expectRefused(withEntry(SHEET, { size: sheet.data.length - 1 }), 'file.damagedEntry', /sheet1\.xml（文件第 \d+ 字节处）/);
    expectRefused(withEntry(SHEET, { size: sheet.data.length + 1 }), 'file.damagedEntry');
  });

  it('says in the user\'s words where the zip\'s directory is damaged (a stub put before it, offsets not moved)', () => {
    const stub = new Uint8Array(100).fill(0x4d);
    const shifted = new Uint8Array(stub.length + clean.length);
    shifted.set(stub);
    shifted.set(clean, stub.length);
    expectRefused(shifted, 'file.damaged', /^“ledger\.xlsx”已损坏：压缩包的目录结构在文件第 \d+ 字节处无法读取；请在 Excel 中打开并另存一份后再试$/);
  });

  it('refuses a local header that names another entry or declares another CRC than the central directory', () => {
    expectRefused(withEntry(SHEET, { localName: 'xl/worksheets/sheet9.xml' }), 'file.damagedEntry');
    expectRefused(withEntry(SHEET, { localCrc: 12345 }), 'file.damagedEntry');
  });

  it.each([
    ['the same name', SHEET],
    ['a name differing only in case (OPC compares names without case)', 'XL/Worksheets/Sheet1.xml'],
  ])('refuses two entries of %s', (_what, second) => {
    const sheet = parts.find((p) => p.name === SHEET)!;
    expectRefused(writeRawZip([...parts, { ...sheet, name: second }]), 'file.duplicateEntry', /出现了两次/);
  });

  it.each(['../evil.xml', '/etc/evil.xml', 'C:/evil.xml', 'xl\\evil.xml', 'xl/./evil.xml', 'xl//evil.xml'])('refuses an entry named %s', (name) => {
    expectRefused(writeRawZip([...parts, { name, data: new Uint8Array([1]) }]), 'file.entryOutside', /指向工作簿以外/);
  });

  it('refuses an end record that counts fewer entries than the directory holds (the rest were dropped from the output)', () => {
    const zip = Buffer.from(writeRawZip(parts));
    const end = zip.length - 22;
    expect(zip.readUInt32LE(end)).toBe(0x06054b50);
    const short = Buffer.from(zip);
    short.writeUInt16LE(parts.length - 1, end + 8);
    short.writeUInt16LE(parts.length - 1, end + 10);
    expect(readZip(zip)).toHaveLength(parts.length);
    expectRefused(short, 'file.damaged', /压缩包的目录结构在文件第 \d+ 字节处无法读取/);
  });

  it('refuses entries that share bytes (the overlapped zip bomb)', () => {
    // Entry b.xml's local header and data sit inside entry a.bin's stored data.
    const b = readZip(writeRawZip([{ name: 'b.xml', data: new TextEncoder().encode('<b/>') }]))[0];
    const zip = writeRawZip([{ name: 'a.bin', data: b.record!, method: 0 }]);
    const a = readZip(zip)[0];
    const central = Buffer.from(b.central!);
    central.writeUInt32LE(a.offset + a.dataOffset, 42);
    const end = Buffer.from(zip.subarray(zip.length - 22));
    const directoryStart = end.readUInt32LE(16);
    const directory = Buffer.concat([Buffer.from(zip.subarray(directoryStart, zip.length - 22)), central]);
    end.writeUInt16LE(2, 8);
    end.writeUInt16LE(2, 10);
    end.writeUInt32LE(directory.length, 12);
    const overlapped = Buffer.concat([Buffer.from(zip.subarray(0, directoryStart)), directory, end]);
    expect(() => readZip(overlapped)).toThrow(expect.objectContaining({ reason: 'damaged', message: expect.stringContaining('overlap') }));
  });

  it('refuses an entry declared larger than the limit before inflating anything', () => {
    const sheet = parts.find((p) => p.name === SHEET)!;
    // 300 MB declared, a few bytes of data: refused on the declaration alone.
    expectRefused(withEntry(SHEET, { size: 300 * 1024 * 1024, crc: 0, compressed: zeros(10) }), 'file.partTooLarge', /解压后有 300 MB，超过本工具能读取的 128 MB/);
    expect(sheet.data.length).toBeLessThan(300 * 1024 * 1024);
  });

  it('stops an inflate bomb whose header lies about its size (5 MB of zeros declared as the sheet\'s size)', () => {
    const sheet = parts.find((p) => p.name === SHEET)!;
    const bomb = withEntry(SHEET, { compressed: zeros(5 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(20000);
    expectRefused(bomb, 'file.damagedEntry');
    // The same through Node's zlib, bounded by maxOutputLength.
    const entry = readZip(bomb).find((e) => e.name === SHEET)!;
    expect(() => readEntry(entry, NODE_CODEC)).toThrow(expect.objectContaining({ reason: 'damaged' }));
    expect(entry.size).toBe(sheet.data.length);
  });

  it('refuses a true bomb over a set limit, and reads the same part under a larger one', () => {
    const big = new Uint8Array(8 * 1024 * 1024);
    const bomb = withEntry('docProps/app.xml', { data: big, compressed: zeros(big.length) });
    // docProps/app.xml is never read: only copied, so no limit applies to it.
    expect(processWorkbook(bomb, { ...options, limits: { maxEntrySize: 1024 * 1024 } }).bytes.length).toBeGreaterThan(0);
    const sheetBomb = withEntry(SHEET, { data: big, compressed: zeros(big.length) });
    expect(failure(() => processWorkbook(sheetBomb, { ...options, limits: { maxEntrySize: 4 * 1024 * 1024 } }))).toEqual({
      code: 'file.partTooLarge',
      message: expect.stringContaining('解压后有 8 MB，超过本工具能读取的 4 MB；如果台账确实这么大'),
    });
    // 8 MB of NUL bytes is no XML: with room for it, the sheet is read and found to be no worksheet.
    expect(failure(() => processWorkbook(sheetBomb, options))).toEqual({ code: 'file.badXml', message: expect.stringContaining('sheet1.xml') });
  });

  describe("an earlier run's report sheet larger than a part read whole", () => {
    const limits = { maxEntrySize: 4 * 1024 * 1024 };
    const first = processWorkbook(clean, options).bytes;
    // The due-list's part: the sheet whose first cell is its title.
    const dueList = partsOf(first).find((p) => p.name.startsWith('xl/worksheets/') && new TextDecoder().decode(p.data).includes('回访清单（截至'))!.name;
    const padRows = (xml: string, rows: string) => xml.replace(/(<row r="1"[ >].*?<\/row>)/, `$1${rows}`);

    it('is replaced on a re-run, its title read from the first row alone (a 151 MB due-list made the re-run of 100,000 long rows fail)', () => {
      const filler = Array.from({ length: 60_000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>${'填充'.repeat(20)}</t></is></c></row>`).join('');
      const grown = editPart(first, dueList, (xml) => padRows(xml.replace(/<row r="(\d+)"[^]*<\/sheetData>/, (m) => m.replace(/<row r="(?!1")\d+"[^]*?<\/row>/g, '')), filler));
      expect(readZip(grown).find((e) => e.name === dueList)!.size).toBeGreaterThan(limits.maxEntrySize);
      const again = processWorkbook(grown, { ...options, limits });
      expect(partOf(again.bytes, dueList)).toBe(partOf(first, dueList));
      // The same with a namespace prefix (<x:row>), as the .NET Open XML SDK writes it: its first row is found too.
      const prefixed = editPart(grown, dueList, prefixSpreadsheetMl);
      expect(partOf(processWorkbook(prefixed, { ...options, limits }).bytes, dueList)).toBe(partOf(first, dueList));
    });

    it('is still bounded: a report part of no rows that inflates past the limit is refused by name', () => {
      const endless = editPart(first, dueList, (xml) => xml.replace(/<sheetData>.*<\/sheetData>/s, `<sheetData>${' '.repeat(8 * 1024 * 1024)}</sheetData>`));
      expect(failure(() => processWorkbook(endless, { ...options, limits }))).toEqual({ code: 'file.partTooLarge', message: expect.stringContaining(dueList) });
    });
  });

  it('stops a package of many parts each under the entry limit once they add up past the total', () => {
    const input = writeXlsx({ sheets: ['一', '二', '三', '四', '五'].map((name) => ({ name, rows: [['说明']] })) });
    const padded = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>${' '.repeat(3 * 1024 * 1024)}</worksheet>`;
    const parts = partsOf(input).map((p) => (/^xl\/worksheets\/sheet\d\.xml$/.test(p.name) ? { ...p, data: new TextEncoder().encode(padded) } : p));
    const limits = { maxEntrySize: 4 * 1024 * 1024, maxTotalSize: 10 * 1024 * 1024 };
    expect(failure(() => processWorkbook(writeRawZip(parts), { ...options, limits }))).toEqual({
      code: 'file.packageTooLarge',
      message: expect.stringMatching(/^“ledger\.xlsx”的各部分解压后合计超过 10 MB（读到 xl\/worksheets\/sheet4\.xml 时）/),
    });
  });

  it('ends a damaged deflate stream with an error, through fflate and through zlib', () => {
    const entry = readZip(clean).find((e) => e.name === SHEET)!;
    for (let i = 0; i < 40; i++) {
      const damaged = clean.slice();
      damaged[entry.offset + entry.dataOffset + 2 + ((i * 7) % (entry.compressedSize - 4))] ^= 1 << i % 8;
      const result = failure(() => processWorkbook(damaged, options));
      expect(result).toEqual({ code: expect.stringMatching(/^file\.(damagedEntry|checksum)$/), message: expect.stringContaining('sheet1.xml') });
      const copy = readZip(damaged).find((e) => e.name === SHEET)!;
      expect(() => readEntry(copy, NODE_CODEC)).toThrow(expect.objectContaining({ reason: expect.stringMatching(/^(damaged|checksum)$/) }));
    }
  });

  it('names encryption and compression methods Excel never writes', () => {
    expectRefused(withEntry(SHEET, { flags: 0x801 }), 'file.encrypted');
    expectRefused(withEntry(SHEET, { method: 12, compressed: new Uint8Array(8) }), 'file.unsupportedZip', /bzip2/);
  });

  // Copied as it came, a damaged picture or property part made an output Excel asks to repair, with no word from us.
  it.each([
    ['its CRC off by one bit', 'docProps/app.xml', (p: RawEntry) => ({ crc: (crcOf(p.data) ^ 1) >>> 0 }), 'file.checksum', /docProps\/app\.xml 校验不符/],
    ['a bit flipped in its stored bytes', 'docProps/core.xml', (p: RawEntry) => ({ method: 0, compressed: p.data.map((b, i) => (i === 40 ? b ^ 4 : b)), crc: crcOf(p.data) }), 'file.checksum', /docProps\/core\.xml 校验不符/],
    ['its declared size one short', 'docProps/app.xml', (p: RawEntry) => ({ size: p.data.length - 1 }), 'file.damagedEntry', /docProps\/app\.xml/],
    ['deflate data cut short', 'docProps/app.xml', (p: RawEntry) => ({ compressed: deflateSync(p.data).subarray(0, 20) }), 'file.damagedEntry', /docProps\/app\.xml/],
  ])('refuses an entry it only copies with %s, naming it', (_what, name, change, code, text) => {
    const part = parts.find((p) => p.name === name)!;
    const input = withEntry(name, change(part));
    expect(failure(() => processWorkbook(input, options))).toEqual({ code, message: expect.stringMatching(text) });
  });

  it('copies an entry it never reads with its record untouched when it is whole', () => {
    const out = processWorkbook(clean, options).bytes;
    const before = readZip(clean).find((e) => e.name === 'docProps/app.xml')!;
    const after = readZip(out).find((e) => e.name === 'docProps/app.xml')!;
    expect(Buffer.from(after.record!).equals(Buffer.from(before.record!))).toBe(true);
  });

  describe.each([
    ['zip64', { zip64: true }],
    ['zip64 with data descriptors', { zip64: true, descriptor: true }],
    ['data descriptors', { descriptor: true }],
  ])('a package written with %s', (_name, zipOptions) => {
    const repacked = writeRawZip(parts, zipOptions);
    it('is read and processed like the plain one', () => {
      expect(valuesOf(repacked)).toEqual(valuesOf(clean));
      const out = processWorkbook(repacked, options);
      const plain = processWorkbook(clean, options);
      expect(out.job).toEqual(plain.job);
      // Copied entries keep their zip64 records, moved to their new offsets; another reader agrees.
      expect(partsOf(out.bytes).map((p) => [p.name, Buffer.from(p.data).toString('base64')])).toEqual(
        partsOf(plain.bytes).map((p) => [p.name, Buffer.from(p.data).toString('base64')]),
      );
      expect(readZip(out.bytes).map((e) => Buffer.from(readEntry(e)).length)).toEqual(readZip(plain.bytes).map((e) => Buffer.from(readEntry(e)).length));
    });
  });
});

describe('the sheet scanner cannot loop and cannot be fooled', () => {
  it('refuses a cell without </c>, naming the part and the offset, instead of hanging', () => {
    const input = withSheet((xml) => xml.replace('<c r="B5" s="5"><v>46327</v></c>', '<c r="B5" s="5"><v>46327</v>'));
    expectRefused(input, 'file.unclosedTag', /xl\/worksheets\/sheet1\.xml 第 \d+ 个字符处的 <c r="B5" s="5"> 没有结束标记/);
  });

  it('refuses the last cell of the sheet without </c>', () => {
    expectRefused(withSheet((xml) => xml.replace(/<\/c><\/row><\/sheetData>/, '</row></sheetData>')), 'file.unclosedTag', /<c r="K8" t="s">/);
  });

  it('refuses a row without </row>', () => {
    expectRefused(withSheet((xml) => xml.replace('</row><row r="6">', '<row r="6">')), 'file.unclosedTag', /<row r="5">/);
  });

  it('refuses sheet data that never ends', () => {
    expectRefused(withSheet((xml) => xml.replace('</sheetData>', '')), 'file.unclosedTag', /<sheetData>/);
  });

  // Each of these searched to the end of the part once per tag: minutes for a few megabytes.
  it('refuses 200,000 merged areas that never close in a second or two, not in minutes', () => {
    const input = withSheet((xml) => xml.replace(/<\/worksheet>\s*$/, '').replace(/(<\/sheetData>)[\s\S]*$/, `$1<mergeCells>${'<mergeCell '.repeat(200_000)}`));
    expectRefused(input, 'file.unclosedTag', /xl\/worksheets\/sheet1\.xml 第 \d+ 个字符处的 <mergeCell/);
  });

  it('refuses 200,000 shared strings that never close as quickly', () => {
    const input = editPart(clean, 'xl/sharedStrings.xml', (xml) => xml.replace(/<\/sst>\s*$/, `${'<si><t>张三</t>'.repeat(200_000)}</sst>`));
    expectRefused(input, 'file.unclosedTag', /sharedStrings\.xml 第 \d+ 个字符处的 <si> 没有结束标记/);
  });

  // Said before as "…<c r="A1" t="s">1473 不合 XML 或表格格式的规定": true, but not what is wrong.
  it.each([
    [
      'the list cut short after three',
      // Everything up to the third </si>, then the list's end.
      (parts: RawEntry[]) => parts.map((p) => (p.name === 'xl/sharedStrings.xml' ? { ...p, data: utf8(new TextDecoder().decode(p.data).replace(/^((?:[\s\S]*?<\/si>){3})[\s\S]*$/, '$1</sst>')) } : p)),
      /工作表“台账”的单元格 [A-Z]+\d+ 引用第 \d+ 条共享字符串，而工作簿的共享字符串表只有 3 条/,
    ],
    ['its part missing', (parts: RawEntry[]) => parts.filter((p) => p.name !== 'xl/sharedStrings.xml'), /工作表“台账”的单元格 A1 引用第 1 条共享字符串，而工作簿的共享字符串表只有 0 条/],
  ])('names the cell whose shared string is not in the list (%s)', (_what, damage, text) => {
    expectRefused(writeRawZip(damage(partsOf(clean))), 'file.missingSharedString', text);
  });

  // Each was copied into the rewritten part as it stood, and no XML reader opened the output
  // (found by a sweep of damaged files the project had never seen).
  it.each([
    ['a NUL pasted into an inline string', SHEET, (xml: string) => xml.replace('</sheetData>', '<row r="30"><c r="A30" t="inlineStr"><is><t>甲\u0000乙</t></is></c></row></sheetData>'), /sheet1\.xml 第 \d+ 个字符处的 U\+0000 不合 XML/],
    ['a raw U+001F in a shared string', 'xl/sharedStrings.xml', (xml: string) => xml.replace('</sst>', '<si><t>a\u001fb</t></si></sst>'), /sharedStrings\.xml 第 \d+ 个字符处的 U\+001F/],
    ['U+FFFF in a shared string', 'xl/sharedStrings.xml', (xml: string) => xml.replace('</sst>', '<si><t>张\uffff</t></si></sst>'), /sharedStrings\.xml 第 \d+ 个字符处的 U\+FFFF/],
    ['whitespace before the XML declaration', SHEET, (xml: string) => `\n${xml}`, /sheet1\.xml 第 2 个字符处的 <\?xml 不合 XML/],
    ['&#x1; in a sheet name', 'xl/workbook.xml', (xml: string) => xml.replace(/(<sheet [^>]*name=")/, '$1&#x1;'), /workbook\.xml 第 \d+ 个字符处的 &#x1; 不合 XML/],
    ['&#xFFFE; in a sheet name', 'xl/workbook.xml', (xml: string) => xml.replace(/(<sheet [^>]*name=")/, '$1&#xFFFE;'), /&#xFFFE;/],
    // Copied into the output as they came, these made a ledger sheet no XML reader opens.
    ['"--" inside a comment among the rows', SHEET, (xml: string) => xml.replace('</row><row r="6">', '</row><!-- 旧表 -- 勿删 --><row r="6">'), /sheet1\.xml 第 \d+ 个字符处的 <!-- 旧表 -- 勿删 --> 不合 XML/],
    ['a comment ending "--->" in the shared strings', 'xl/sharedStrings.xml', (xml: string) => xml.replace('</sst>', '<!-- note ---></sst>'), /sharedStrings\.xml 第 \d+ 个字符处的 <!-- note ---> 不合 XML/],
    ['a processing instruction without a target', SHEET, (xml: string) => xml.replace('</row><row r="6">', '</row><? ?><row r="6">'), /sheet1\.xml 第 \d+ 个字符处的 <\? \?>/],
    ['an element whose name starts with a digit', SHEET, (xml: string) => xml.replace('<sheetData>', '<1a/><sheetData>'), /sheet1\.xml 第 \d+ 个字符处的 <1a\/>/],
    ['a bare "&" in a row\'s attribute', SHEET, (xml: string) => xml.replace('<row r="6"', '<row r="6" customFormat="a&b"'), /sheet1\.xml 第 \d+ 个字符处的 &b"/],
    ['"]]>" in a shared string\'s text', 'xl/sharedStrings.xml', (xml: string) => xml.replace('</sst>', '<si><t>甲]]>乙</t></si></sst>'), /sharedStrings\.xml 第 \d+ 个字符处的 \]\]>/],
    ['"]]>" in an inline string among the rows', SHEET, (xml: string) => xml.replace('</sheetData>', '<row r="30"><c r="A30" t="inlineStr"><is><t>甲]]>乙</t></is></c></row></sheetData>'), /sheet1\.xml 第 \d+ 个字符处的 \]\]>/],
    ['"&nbsp;" in a page header, text no reader of ours decodes', SHEET, (xml: string) => xml.replace('</worksheet>', '<headerFooter><oddHeader>台账&nbsp;2026</oddHeader></headerFooter></worksheet>'), /sheet1\.xml 第 \d+ 个字符处的 &nbsp;2026/],
  ])('refuses %s (XML forbids it), naming the part and where', (_what, part, edit, text) => {
    expectRefused(editPart(clean, part, edit), 'file.badXml', text);
  });

  // Copied into the output unchanged, each would make Excel ask to repair the file the add-in wrote.
  it.each([
    ['an element after the sheet\'s root', SHEET, (xml: string) => `${xml.trimEnd()}<evil/>`, /sheet1\.xml 第 \d+ 个字符处的 <evil\/>/],
    ['a second root in the sheet', SHEET, (xml: string) => `${xml.trimEnd()}<worksheet/>`, /<worksheet\/>/],
    ['text after the workbook\'s root', 'xl/workbook.xml', (xml: string) => `${xml.trimEnd()}junk`, /workbook\.xml 第 \d+ 个字符处的 junk/],
    ['an element after the shared strings\' root', 'xl/sharedStrings.xml', (xml: string) => `${xml.trimEnd()}<si/>`, /sharedStrings\.xml/],
    ['an element after the content types\' root', '[Content_Types].xml', (xml: string) => `${xml.trimEnd()}<Default/>`, /\[Content_Types\]\.xml/],
    ['an end tag that closes another element, outside the sheet data', SHEET, (xml: string) => xml.replace(/<\/sheetViews>/, '</sheetViewz>'), /<\/sheetViewz>/],
    ['an end tag that closes another element, in the workbook', 'xl/workbook.xml', (xml: string) => xml.replace('</sheets>', '</sheetz>'), /workbook\.xml 第 \d+ 个字符处的 <\/sheetz>/],
    ['an element never closed in the styles', 'xl/styles.xml', (xml: string) => xml.replace(/<\/styleSheet>\s*$/, ''), /styles\.xml/],
    // A prefix names no namespace until declared: Excel asks to repair such a part.
    ['an element whose prefix is never declared', SHEET, (xml: string) => xml.replace('<sheetData>', '<zz:foo/><sheetData>'), /sheet1\.xml 第 \d+ 个字符处的 <zz:foo\/>/],
    ['r:id with no xmlns:r', 'xl/workbook.xml', (xml: string) => xml.replace(/ xmlns:r="[^"]*"/, ''), /workbook\.xml 第 \d+ 个字符处的 <sheet /],
  ])('refuses %s (elements must nest, one root), naming the part and where', (_what, part, edit, text) => {
    const input = editPart(clean, part, edit);
    expect(partsOf(input).find((p) => p.name === part)).toBeDefined();
    expect(failure(() => processWorkbook(input, options))).toEqual({ code: expect.stringMatching(/^file\.(badXml|unclosedTag)$/), message: expect.stringMatching(text) });
  });

  it('refuses an element after the root of a sheet larger than the parts checked whole', () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => `<row r="${i + 30}"><c r="A${i + 30}"><v>${i}</v></c></row>`).join('');
    const input = editPart(clean, SHEET, (xml) => `${xml.replace('</sheetData>', `${rows}</sheetData>`).trimEnd()}<evil/>`);
    expect(partsOf(input).find((p) => p.name === SHEET)!.data.length).toBeGreaterThan(1 << 20);
    expect(failure(() => processWorkbook(input, options))).toEqual({ code: 'file.badXml', message: expect.stringMatching(/sheet1\.xml 第 \d+ 个字符处的 <evil\/>/) });
  });

  it.each([
    ['[Content_Types].xml', (xml: string) => xml.replace(/<Types[\s\S]*<\/Types>/, '<Typs/>'), '<Types>'],
    ['xl/_rels/workbook.xml.rels', (xml: string) => xml.replace(/<Relationships[\s\S]*<\/Relationships>/, '<Relation/>'), '<Relationships>'],
    ['xl/styles.xml', (xml: string) => xml.replace(/<styleSheet[\s\S]*<\/styleSheet>/, '<styles/>'), '<styleSheet>'],
  ])('refuses to write into %s without its root element, naming the part and the element in the user’s words', (part, edit, element) => {
    expect(failure(() => processWorkbook(editPart(clean, part, edit), options))).toEqual({
      code: 'file.missingElement',
      message: `“ledger.xlsx”已损坏：${part} 中缺少必需的 ${element} 元素；请在 Excel 中打开并另存一份后再试`,
    });
  });

  it.each([
    ['UTF-16 with its byte-order mark', (xml: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')])],
    ['UTF-16 without one', (xml: string) => Buffer.from(xml, 'utf16le')],
    ['UTF-16 starting with a line feed', (xml: string) => Buffer.from(`\n${xml}`, 'utf16le')],
    ['UTF-16 big-endian with its byte-order mark', (xml: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(xml, 'utf16le').swap16()])],
  ])('says a shared-strings part in %s is in UTF-16, which it does not read (not that it is damaged, nor that it holds NUL characters)', (_what, encode) => {
    const parts = partsOf(clean).map((p) => (p.name === 'xl/sharedStrings.xml' ? { ...p, data: new Uint8Array(encode(new TextDecoder().decode(p.data))) } : p));
    expectRefused(writeRawZip(parts), 'file.utf16', /sharedStrings\.xml 以 UTF-16 编码保存/);
  });

  it.each([
    ['the ledger sheet', SHEET, 'ISO-8859-1'],
    ['the ledger sheet', SHEET, 'US-ASCII'],
    ['the ledger sheet', SHEET, 'utf8'],
    ['the workbook', 'xl/workbook.xml', 'GB2312'],
    ['the shared strings', 'xl/sharedStrings.xml', 'GBK'],
  ])('refuses %s (%s) declared %s: it is read as UTF-8, and what the add-in writes into it would be garbled', (_what, part, encoding) => {
    const declared = editPart(clean, part, (xml) => xml.replace(/^(<\?xml[^?]*?encoding=)"UTF-8"/i, `$1"${encoding}"`));
    expect(new TextDecoder().decode(partsOf(declared).find((p) => p.name === part)!.data)).toContain(`encoding="${encoding}"`);
    expectRefused(declared, 'file.declaredEncoding', new RegExp(`${part.replace(/[.[\]]/g, '\\$&')} 声明使用 ${encoding} 编码`));
  });

  it('reads a part declared utf-8 in lower case, or with no declaration', () => {
    const lower = editPart(clean, SHEET, (xml) => xml.replace(/encoding="UTF-8"/i, 'encoding="utf-8"'));
    const none = editPart(clean, SHEET, (xml) => xml.replace(/^<\?xml[^?]*\?>/, ''));
    expect(valuesOf(lower)).toEqual(valuesOf(clean));
    expect(valuesOf(none)).toEqual(valuesOf(clean));
  });

  it.each([
    ['a tab, line feeds and carriage returns in a shared string', (xml: string) => xml.replace('</sst>', '<si><t>甲\t乙\r\n丙\n</t></si></sst>')],
    ['an <?xml-stylesheet?> instruction after the declaration', (xml: string) => xml.replace('?>', '?><?xml-stylesheet type="text/xsl" href="x.xsl"?>')],
    ['comments with single hyphens, and an empty one', (xml: string) => xml.replace('</sst>', '<!-- a - b --><!----><!-- -a- --></sst>')],
    ['"]]>" and "&" in a comment, and "]]>" in a CDATA section\'s text', (xml: string) => xml.replace('</sst>', '<!-- ]]> & --><si><t><![CDATA[a]]]]><![CDATA[>b & c]]></t></si></sst>')],
  ])('reads %s, which XML allows', (_what, edit) => {
    const input = editPart(clean, 'xl/sharedStrings.xml', edit);
    expect(valuesOf(input)).toEqual(valuesOf(clean));
  });

  it('writes a ledger sheet that begins with a byte-order mark whole (the copy was three bytes off)', () => {
    // Padded past the shared strings: the largest part read is the one written from its bytes.
    const input = withSheet((xml) => `\ufeff${xml.replace('<sheetData>', `<sheetData>${' '.repeat(100_000)}`)}`);
    const output = processWorkbook(input, options).bytes;
    expect(wellFormed(partOf(output, SHEET), SHEET)).toBe(true);
    expect(valuesOf(output)).toEqual(valuesOf(processWorkbook(clean, options).bytes));
  });

  it.each([
    ['a comment', '<!-- template: <sheetData/> -->'],
    ['a processing instruction', '<?tool note <sheetData/> ?>'],
  ])('keeps every row when %s before the rows holds "<sheetData/>" (they were written into it)', (_, markup) => {
    const output = processWorkbook(withSheet((xml) => xml.replace('<sheetData>', `${markup}<sheetData>`)), options).bytes;
    const written = partOf(output, SHEET);
    expect(written).toContain(markup);
    expect(wellFormed(written, SHEET)).toBe(true);
    expect(valuesOf(output)).toEqual(valuesOf(processWorkbook(clean, options).bytes));
  });

  it('a second run over cells written <c\\n r=…> replaces the add-in\'s cells instead of adding a second set', () => {
    const first = processWorkbook(clean, options).bytes;
    const respaced = editPart(first, SHEET, (xml) => xml.replace(/<c r=/g, '<c\n r='));
    const again = processWorkbook(respaced, options).bytes;
    const refs = [...partOf(again, SHEET).matchAll(/<c\s+r="([A-Z]+\d+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    expect(new Set(refs).size).toBe(refs.length);
    expect(valuesOf(again)).toEqual(valuesOf(first));
  });

  it.each([
    ['1', true],
    [' 1 ', true],
    ['\ttrue\n', true],
    ['true', true],
    ['0', false],
    [' false', false],
  ])('reads date1904="%s" as the 1904 date system: %s (whitespace around an XML boolean does not count)', (value, uses1904) => {
    const input = editPart(clean, 'xl/workbook.xml', (xml) => xml.replace('<workbookPr/>', `<workbookPr date1904="${value}"/>`));
    expect(readLedgerWorkbook(input, { fileName: 'ledger.xlsx', language: 'zh' }).date1904).toBe(uses1904);
  });

  it('names a new part apart from every part there is, without regard to case (Sheet1.xml and sheet1.xml are one part)', () => {
    const renamed = (text: string) => text.replace('worksheets/sheet1.xml', 'worksheets/Sheet1.xml');
    const input = writeRawZip(
      partsOf(clean).map((p) =>
        p.name === SHEET
          ? { ...p, name: 'xl/worksheets/Sheet1.xml' }
          : ['xl/_rels/workbook.xml.rels', '[Content_Types].xml'].includes(p.name)
            ? { ...p, data: new TextEncoder().encode(renamed(new TextDecoder().decode(p.data))) }
            : p,
      ),
    );
    const output = processWorkbook(input, options).bytes;
    const names = readZip(output).map((e) => e.name);
    expect(names).toContain('xl/worksheets/Sheet1.xml');
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    // … so the output opens again (its duplicate names were refused before).
    expect(failure(() => processWorkbook(output, options))).toBe('no error');
  });

  it.each([
    ['in other case', 'xl/worksheets/sheet1.xml', 'worksheets/SHEET1.xml'],
    ['percent-encoded (a part name with a space)', 'xl/worksheets/sheet 1.xml', 'worksheets/sheet%201.xml'],
    ["percent-encoded as the package's own entry is (.NET's packaging names some so)", 'xl/worksheets/sheet%201.xml', 'worksheets/sheet%201.xml'],
  ])('finds the ledger sheet through a relationship that names its part %s, and writes into that part', (_, entryName, target) => {
    const input = writeRawZip(
      partsOf(clean).map((p) =>
        p.name === SHEET
          ? { ...p, name: entryName }
          : p.name === 'xl/_rels/workbook.xml.rels'
            ? { ...p, data: new TextEncoder().encode(new TextDecoder().decode(p.data).replace('worksheets/sheet1.xml', target)) }
            : p,
      ),
    );
    const output = processWorkbook(input, options);
    expect(output.job.disputes).toHaveLength(processWorkbook(clean, options).job.disputes.length);
    const names = readZip(output.bytes).map((e) => e.name);
    expect(names).toContain(entryName);
    expect(names.filter((n) => n.toLowerCase() === entryName.toLowerCase())).toHaveLength(1);
    expect(partOf(output.bytes, entryName)).toBe(partOf(processWorkbook(clean, options).bytes, SHEET));
  });

  it('reads a workbook part written with single-quoted attributes, as XML allows', () => {
    const input = editPart(clean, 'xl/workbook.xml', (xml) => xml.replace(/"/g, "'"));
    expect(partOf(input, 'xl/workbook.xml')).toContain("r:id='rId1'");
    let disputes = -1;
    let output: Uint8Array = new Uint8Array();
    expect(failure(() => ({ bytes: output, job: { disputes: { length: disputes } } } = processWorkbook(input, options)))).toBe('no error');
    expect(disputes).toBe(4);
    // Its sheets are found again in the output, and a second run changes nothing.
    expect(Buffer.from(processWorkbook(output, options).bytes).equals(Buffer.from(output))).toBe(true);
  });

  it('keeps a user\'s conditional formats shaped like the add-in\'s when they are about the user\'s own columns, and a re-run changes nothing', () => {
    const theirs =
      '<conditionalFormatting sqref="L5:L8"><cfRule type="expression" dxfId="0" priority="1"><formula>AND(ISNUMBER($L5),$L5&lt;TODAY())</formula></cfRule></conditionalFormatting>' +
      '<conditionalFormatting sqref="A5:L8"><cfRule type="expression" dxfId="0" priority="2"><formula>$J5="绿（已化解）"</formula></cfRule></conditionalFormatting>';
    const input = withSheet((xml) => xml.replace('</mergeCells>', `</mergeCells>${theirs}`));
    const first = processWorkbook(input, options).bytes;
    expect(partOf(first, SHEET)).toContain(theirs);
    expect(Buffer.from(processWorkbook(first, options).bytes).equals(Buffer.from(first))).toBe(true);
  });

  it('numbers its sheets within the unsignedInt the schema allows when a sheet already holds the highest', () => {
    const input = editPart(clean, 'xl/workbook.xml', (xml) => xml.replace(/sheetId="1"/, 'sheetId="4294967295"'));
    const ids = [...partOf(processWorkbook(input, options).bytes, 'xl/workbook.xml').matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids[0]).toBe(4294967295);
    expect(ids.length).toBeGreaterThan(1);
    expect(ids.every((id) => id >= 1 && id <= 4294967295)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the ids it adds within what the schema allows beside the largest a workbook can hold', () => {
    const userFormat = '<conditionalFormatting sqref="B5:B8"><cfRule type="expression" dxfId="0" priority="2147483647"><formula>ISBLANK($B5)</formula></cfRule></conditionalFormatting>';
    const withBoth = editPart(
      withSheet((xml) => xml.replace('</mergeCells>', `</mergeCells>${userFormat}`)),
      'xl/styles.xml',
      (xml) => xml.replace(/<numFmts count="(\d+)">/, (_m, n: string) => `<numFmts count="${Number(n) + 1}"><numFmt numFmtId="4294967295" formatCode="0.000"/>`),
    );
    expect(partOf(withBoth, 'xl/styles.xml')).toContain('numFmtId="4294967295"');
    const output = processWorkbook(withBoth, options).bytes;
    const priorities = [...partOf(output, SHEET).matchAll(/priority="(\d+)"/g)].map((m) => Number(m[1]));
    expect(priorities.length).toBeGreaterThan(1);
    expect(priorities.every((p) => p >= 1 && p <= 2147483647)).toBe(true);
    expect(new Set(priorities).size).toBe(priorities.length);
    const formatIds = [...partOf(output, 'xl/styles.xml').matchAll(/<numFmt numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
    expect(formatIds.every((id) => id <= 4294967295)).toBe(true);
    expect(new Set(formatIds).size).toBe(formatIds.length);
  });

  it.each([65535, 65534, 4294967295])('adds its number formats under id 65536 (Excel numbers formats in 16 bits) beside a user format numbered %d', (userId) => {
    const input = editPart(clean, 'xl/styles.xml', (xml) =>
      xml.replace(/<numFmts count="(\d+)">/, (_m, n: string) => `<numFmts count="${Number(n) + 1}"><numFmt numFmtId="${userId}" formatCode="0.000"/>`),
    );
    const before = [...partOf(input, 'xl/styles.xml').matchAll(/<numFmt numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
    const output = processWorkbook(input, options).bytes;
    const after = [...partOf(output, 'xl/styles.xml').matchAll(/<numFmt numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
    const added = after.filter((id) => !before.includes(id));
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((id) => id >= 164 && id <= 65535)).toBe(true);
    expect(new Set(after).size).toBe(after.length);
  });

  it('puts its dropdown and formats among the worksheet\'s own children, never inside a user\'s data bar that has an <extLst> of its own', () => {
    const ext = 'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"';
    const dataBar =
      '<conditionalFormatting sqref="H5:H8"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>' +
      `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" ${ext}><x14:id>{00000000-0000-0000-0000-000000000001}</x14:id></ext></extLst></cfRule></conditionalFormatting>`;
    const input = withSheet((xml) => xml.replace('</mergeCells>', `</mergeCells>${dataBar}`));
    const written = partOf(processWorkbook(input, options).bytes, SHEET);
    expect(written).toContain(dataBar);
    expect(written).toMatch(/<\/conditionalFormatting><dataValidations count="1">/);
    expect(wellFormed(written, SHEET)).toBe(true);
  });

  it("leaves the manual-level cells to the user's own list validation when Excel wrote it in <extLst> (x14), and adds its dropdown where that one lies elsewhere", () => {
    const dropdown = /<dataValidation [^>]*sqref="([A-Z]+\d+:[A-Z]+\d+)"/.exec(partOf(processWorkbook(clean, options).bytes, SHEET))![1];
    const x14 = (sqref: string) =>
      '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
      '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showErrorMessage="1">' +
      `<x14:formula1><xm:f>选项!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>${sqref}</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`;
    const column = /^[A-Z]+/.exec(dropdown)![0];
    const over = withSheet((xml) => xml.replace('</worksheet>', `${x14(`A1 ${column}3:${column}100`)}</worksheet>`));
    const written = partOf(processWorkbook(over, options).bytes, SHEET);
    expect(written).toContain(x14(`A1 ${column}3:${column}100`));
    expect(written).not.toContain('<dataValidation ');
    // A second run, and a run over an output that has the add-in's dropdown already, agree.
    expect(partOf(processWorkbook(processWorkbook(over, options).bytes, options).bytes, SHEET)).toBe(written);
    const withOurs = editPart(processWorkbook(clean, options).bytes, SHEET, (xml) => xml.replace('</worksheet>', `${x14(`A1 ${column}3:${column}100`)}</worksheet>`));
    expect(partOf(processWorkbook(withOurs, options).bytes, SHEET)).not.toContain('<dataValidation ');
    const elsewhere = withSheet((xml) => xml.replace('</worksheet>', `${x14('A1:A2')}</worksheet>`));
    expect(partOf(processWorkbook(elsewhere, options).bytes, SHEET)).toContain(`sqref="${dropdown}"><formula1>`);
    // A data bar's rule holds an <extLst> of its own, before the worksheet's: the validation is still found.
    const dataBar =
      '<conditionalFormatting sqref="H5:H8"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>' +
      '<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>{00000000-0000-0000-0000-000000000001}</x14:id></ext></extLst></cfRule></conditionalFormatting>';
    const behindDataBar = withSheet((xml) => xml.replace('</mergeCells>', `</mergeCells>${dataBar}`).replace('</worksheet>', `${x14(`${column}3:${column}100`)}</worksheet>`));
    expect(partOf(processWorkbook(behindDataBar, options).bytes, SHEET)).not.toContain('<dataValidation ');
    // One closed where it opens (no range of its own) before it: the user's still found.
    const closedFirst = withSheet((xml) => xml.replace('</worksheet>', `${x14(`${column}3:${column}100`).replace('<x14:dataValidation ', '<x14:dataValidation a=">" /><x14:dataValidation ')}</worksheet>`));
    expect(partOf(processWorkbook(closedFirst, options).bytes, SHEET)).not.toContain('<dataValidation ');
    // A validation commented out is none.
    const commented = withSheet((xml) => xml.replace('</worksheet>', `${x14(`${column}3:${column}100`).replace('<x14:dataValidations', '<!--<x14:dataValidations').replace('</x14:dataValidations>', '</x14:dataValidations>-->')}</worksheet>`));
    expect(partOf(processWorkbook(commented, options).bytes, SHEET)).toContain(`sqref="${dropdown}"><formula1>`);
  });

  it('does not read a commented-out cell as data', () => {
    // A count in a comment would have raised the row's level.
    const input = withSheet((xml) => xml.replace('<c r="J7" t="s">', '<!-- <c r="H7" t="inlineStr"><is><t>300人</t></is></c> --><c r="J7" t="s">'));
    expect(valuesOf(input)).toEqual(valuesOf(clean));
    expect(processWorkbook(input, options).job.disputes).toEqual(processWorkbook(clean, options).job.disputes);
  });

  it('is not ended by a </sheetData> inside a comment', () => {
    const input = withSheet((xml) => xml.replace('</row><row r="6">', '</row><!-- </sheetData> --><row r="6">'));
    expect(valuesOf(input)).toEqual(valuesOf(clean));
    expect(processWorkbook(input, options).job.disputes).toHaveLength(4);
  });

  it('finds a cell\'s end past a comment that holds </c>', () => {
    const input = withSheet((xml) => xml.replace('<c r="A5"><v>1</v></c>', '<c r="A5"><v>1</v><!-- </c> --></c>'));
    expect(valuesOf(input)).toEqual(valuesOf(clean));
  });

  it('writes its cells around comments, keeping them, and a second run changes nothing', () => {
    const input = withSheet((xml) =>
      xml
        .replace('</row><row r="6">', '</row><!-- </sheetData> <row r="6"> --><row r="6">')
        .replace('<c r="A5"><v>1</v></c>', '<c r="A5"><v>1</v><!-- </c></row> --></c>')
        .replace('<c r="K7" t="s"><v>39</v></c>', '<c r="K7" t="s"><v>39</v></c><?note </row>?>'),
    );
    const first = processWorkbook(input, options);
    const sheet = partOf(first.bytes, SHEET);
    expect(sheet).toContain('<!-- </sheetData> <row r="6"> --><row r="6">');
    expect(sheet).toContain('<c r="A5"><v>1</v><!-- </c></row> --></c>');
    expect(sheet).toMatch(/<c r="K7" t="s"><v>39<\/v><\/c><\?note <\/row>\?><c r="M7"/);
    expect(wellFormed(sheet, SHEET)).toBe(true);
    expect(first.job.disputes).toEqual(processWorkbook(clean, options).job.disputes);
    const second = processWorkbook(first.bytes, options);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });

  it('reads CDATA as text, and skips processing instructions', () => {
    const input = withSheet((xml) =>
      xml
        .replace('<c r="G7" t="s"><v>37</v></c>', '<c r="G7" t="inlineStr"><is><t><![CDATA[夫妻<吵架> & 摔东西]]></t></is></c>')
        .replace('<c r="A6">', '<?tricolor ignore me?><c r="A6">'),
    );
    const values = valuesOf(input);
    expect(values[6][6]).toBe('夫妻<吵架> & 摔东西');
    expect(values[5]).toEqual(valuesOf(clean)[5]);
  });

  it('refuses a DOCTYPE (no DTD in a package, no entity expansion)', () => {
    const input = withSheet((xml) => xml.replace('<worksheet', '<!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">]><worksheet'));
    expectRefused(input, 'file.badXml', /<!DOCTYPE/);
  });

  it('refuses a character reference past U+10FFFF instead of throwing a RangeError', () => {
    const input = withSheet((xml) => xml.replace('<c r="G7" t="s"><v>37</v></c>', '<c r="G7" t="inlineStr"><is><t>&#x110000;</t></is></c>'));
    expectRefused(input, 'file.badXml', /&#x110000;/);
  });

  it('refuses bytes that are not UTF-8 rather than replace them', () => {
    const parts = partsOf(clean).map((p) => {
      if (p.name !== 'xl/sharedStrings.xml') return p;
      const data = p.data.slice();
      data[Buffer.from(data).indexOf('红河村') + 1] = 0xff;
      return { ...p, data };
    });
    expectRefused(writeRawZip(parts), 'file.notUtf8', /sharedStrings\.xml 第 \d+ 个字符处/);
  });

  it('reads a row tag of 500,000 attributes in moments (each attribute once, not the rest of the tag for each)', () => {
    const attributes = Array.from({ length: 500_000 }, (_, i) => `a${i}="1"`).join(' ');
    const input = withSheet((xml) => xml.replace('<row r="6"', `<row ${attributes} r="6"`));
    expect(failure(() => processWorkbook(input, options))).toBe('no error');
  });

  it('refuses a value that is not what its type says', () => {
    expectRefused(withSheet((xml) => xml.replace('<v>46327</v>', '<v>4632x</v>')), 'file.badXml');
    // A name given twice: read as B5 here, as Z5 by LibreOffice, where the add-in's cells of the row vanished.
    expectRefused(withSheet((xml) => xml.replace('<c r="B5" s="5">', '<c r="B5" r="Z5" s="5">')), 'file.badXml', /<c r="B5" r="Z5" s="5">/);
    expectRefused(withSheet((xml) => xml.replace('<row r="5"', '<row r="5" r="9"')), 'file.badXml', /<row r="5" r="9"/);
    expectRefused(withSheet((xml) => xml.replace('<c r="C5" t="s"><v>16</v>', '<c r="C5" t="s"><v>999</v>')), 'file.missingSharedString', /单元格 C5 引用第 1000 条共享字符串/);
    expectRefused(withSheet((xml) => xml.replace('<c r="C5" t="s"><v>16</v>', '<c r="C5" t="s"><v>1x</v>')), 'file.badXml', /<c r="C5" t="s">1x/);
    expectRefused(withSheet((xml) => xml.replace('<c r="C5" t="s"><v>16</v></c>', '<c r="C5" t="s"><w>16</v></c>')), 'file.badXml');
  });
});

describe('long cells take time in proportion to their length', () => {
  // Excel's longest cell is 32,767 characters. A pattern tried again from each character of a long
  // run it cannot finish (a bracket never closed, a name with no colon after it, dots or stars
  // before a name, digits with no 人, a negation before every word) took seconds per cell: a ledger of forty such rows ran past
  // a minute. Twelve rows here took 20 s to minutes each; now well under a second.
  const LONGEST = 32_767;
  const long = (head: string, pattern: string, tail: string) =>
    head + pattern.repeat(Math.ceil(LONGEST / pattern.length)).slice(0, LONGEST - head.length - tail.length) + tail;
  // Rows enough that the quadratic readings took past the bound below (20 s and more each), few
  // enough that the linear ones stay far under it on a loaded machine (full-width text is
  // normalised in many places, each a pass over the cell).
  const RUNS: [string, string, string, string, number][] = [
    ['a bracket never closed', '', '[', '', 12],
    ['a full-width bracket never closed', '', '【', '', 12],
    ['name characters with no colon', '', '张', '', 12],
    ['full stops before a name', '', '.', '张', 12],
    ['stars between a number and 人', '1', '*', '人', 12],
    ['full-width digits with no 人', '', '９', '张', 4],
    ['a number, then spaces with no 人', '1', ' ', '张', 24],
    // Each word's denial was looked for among every negation of the cell.
    ['a negation before every word', '', '未打', '', 3],
    // One text behind every cell, as a shared string makes it: each cell's copy was scanned anew
    // (200 rows took 78 s) and made half-width by a callback per character (400 rows: 44 s, then
    // out of memory). Scanned once now, and converted in one pass.
    ['a word and its exclusion, in every row', '', '打工', '', 150],
    ['full-width brackets, in every row', '', '（', '', 200],
    // A text dense with words weighs more than the whole scan cache: it was not kept, and each
    // cell's copy was scanned anew (3,000 cells of a shared string: 20 s). The last such scan is kept.
    ['words on every character, in every row', '', '拿菜刀追砍', '', 300],
  ];

  it.each(RUNS)('reads, triages and writes a ledger whose every text cell is %s, 32,767 characters long', (_, head, pattern, tail, count) => {
    const text = long(head, pattern, tail);
    // Village, parties, phone, type, description, headcount, status, owner: every text column of the ledger.
    const rows = Array.from({ length: count }, (_, i) => [i + 1, { date: '2026-11-01' }, text, text, text, text, text, text, '', text, text, '']);
    const input = writeXlsx({ sheets: [{ name: '台账', rows: [...SMALL_LEDGER_ROWS.slice(0, 4), ...rows], merges: SMALL_LEDGER_MERGES }] });
    let disputes = -1;
    expect(failure(() => (disputes = processWorkbook(input, options).job.disputes.length), 15)).toBe('no error');
    expect(disputes).toBe(count);
  });
});

describe('rows, cells and merged areas are held to Excel\'s grid', () => {
  it('clips a merged area over a million rows to the rows there are (a 2 KB sheet no longer allocates gigabytes)', () => {
    const input = withSheet((xml) => xml.replace('<mergeCell ref="A1:L1"/>', '<mergeCell ref="A1:L1"/><mergeCell ref="A306:XFD1048576"/><mergeCell ref="M5:XFD1048576"/>'));
    const heap = process.memoryUsage().heapUsed;
    const read = readLedgerWorkbook(input, { fileName: 'ledger.xlsx', language: 'zh' });
    expect(read.input.ledger.merges).not.toContainEqual(expect.objectContaining({ top: 305 }));
    expect(read.input.ledger.merges.every((m) => m.bottom < read.input.ledger.values.length)).toBe(true);
    // The merge from M5 to XFD covers the disputes' rows right of the table: no room for the add-in's columns.
    expect(() => processWorkbook(input, options)).toThrow(expect.objectContaining({ code: 'ledger.noRoomForColumns' }));
    const belowTheTable = withSheet((xml) => xml.replace('<mergeCell ref="A1:L1"/>', '<mergeCell ref="A1:L1"/><mergeCell ref="A306:XFD1048576"/>'));
    const out = processWorkbook(belowTheTable, options);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(200 * 1024 * 1024);
    expect(out.job.disputes).toHaveLength(4);
  });

  it.each([
    ['a remark area merged right of the table in a dispute row', 'M6:P6'],
    ['a merged area from the last column of the table past it', 'L7:R7'],
  ])('puts its columns right of %s, not inside it where Excel would hide them', (_, ref) => {
    const input = withSheet((xml) => xml.replace('<mergeCell ref="A1:L1"/>', `<mergeCell ref="A1:L1"/><mergeCell ref="${ref}"/>`).replace(/<mergeCells count="(\d+)"/, (_, n: string) => `<mergeCells count="${Number(n) + 1}"`));
    const out = processWorkbook(input, options);
    const right = columnIndex(/:([A-Z]+)/.exec(ref)![1]);
    expect(Math.min(...out.job.plan.columns.map((c) => c.col))).toBe(right + 1);
    expect(partOf(out.bytes, SHEET)).toContain(`<mergeCell ref="${ref}"/>`);
  });

  it.each(['A7:XFD7', 'A7:Z7'])("is not moved or refused by a month's separator row inside the table merged across the sheet (%s): it gets no cell of the add-in's", (ref) => {
    const rows = [...SMALL_LEDGER_ROWS.slice(0, 6), ['2026年10月'], ...SMALL_LEDGER_ROWS.slice(6)];
    const input = writeXlsx({ sheets: [{ name: '台账', rows, merges: [...SMALL_LEDGER_MERGES, ref] }] });
    const out = processWorkbook(input, options);
    expect(out.job.disputes).toHaveLength(4);
    expect(Math.min(...out.job.plan.columns.map((c) => c.col))).toBe(columnIndex('M'));
  });

  it.each([
    ['a merged area to column XFD', 'M6:XFD6', 'XFD'],
    // Two columns short of the end: the message named XFD, a column the sheet does not use.
    ['a merged area to column XFB', 'M6:XFB6', 'XFB'],
  ])('refuses, naming the sheet and the column it reaches, a table whose rows hold %s (no room right of it)', (_what, ref, last) => {
    const input = withSheet((xml) => xml.replace('<mergeCell ref="A1:L1"/>', `<mergeCell ref="A1:L1"/><mergeCell ref="${ref}"/>`).replace(/<mergeCells count="(\d+)"/, (_, n: string) => `<mergeCells count="${Number(n) + 1}"`));
    expect(() => processWorkbook(input, options)).toThrow(
      expect.objectContaining({ code: 'ledger.noRoomForColumns', message: `工作表“台账”已用到 ${last} 列，离最后一列（XFD）太近，右侧放不下“建议等级”等 4 列；请删除表格右侧不用的列后再试` }),
    );
  });

  it('refuses <row r="4294967295"> and a cell past XFD, naming the sheet', () => {
    expectRefused(withSheet((xml) => xml.replace('<row r="8">', '<row r="4294967295">').replace(/r="([A-L])8"/g, 'r="$14294967295"')), 'file.beyondSheetLimits', /工作表“台账”中的 <row r="4294967295">/);
    expectRefused(withSheet((xml) => xml.replace('<row r="8">', '<row r="1048577">').replace(/r="([A-L])8"/g, 'r="$11048577"')), 'file.beyondSheetLimits');
    expectRefused(withSheet((xml) => xml.replace('</row><row r="6">', '<c r="XFE5" s="0"/></row><row r="6">')), 'file.beyondSheetLimits', /XFE5/);
  });

  it('takes the last row Excel has', () => {
    const input = withSheet((xml) => xml.replace('</sheetData>', '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>末行</t></is></c></row></sheetData>'));
    expect(valuesOf(input)).toHaveLength(1048576);
  });

  it('refuses a merged area past Excel\'s grid, and merged areas that overlap', () => {
    expectRefused(withSheet((xml) => xml.replace('<mergeCell ref="A1:L1"/>', '<mergeCell ref="A1:A1048577"/>')), 'file.beyondSheetLimits');
    const overlapping = Array.from({ length: 50 }, () => '<mergeCell ref="A5:L8"/>').join('');
    expectRefused(withSheet((xml) => xml.replace('<mergeCell ref="A1:L1"/>', `<mergeCell ref="A1:L1"/>${overlapping}`)), 'file.mergesOverlap', /工作表“台账”中的合并单元格互相重叠/);
  });

  it('refuses rows and cells out of order', () => {
    expectRefused(withSheet((xml) => xml.replace('<row r="6">', '<row r="4">').replace(/r="([A-L])6"/g, 'r="$14"')), 'file.cellOrder', /<row r="4">/);
    expectRefused(withSheet((xml) => xml.replace('<c r="C5" t="s">', '<c r="A5" t="s">')), 'file.cellOrder');
  });

  it('refuses a sheet of formatted empty cells to column XFD on thousands of rows instead of filling them', () => {
    const rows = Array.from({ length: 2100 }, (_, i) => `<row r="${i + 9}"><c r="XFD${i + 9}" s="0"/></row>`).join('');
    expectRefused(withSheet((xml) => xml.replace('</sheetData>', `${rows}</sheetData>`)), 'file.sheetTooLarge', /超过本工具一次能处理的 33554432 个/);
  });

  it('refuses a column range the writer cannot split', () => {
    const input = withSheet((xml) => xml.replace('<sheetData>', '<cols><col min="1" max="99999999999" width="9"/></cols><sheetData>'));
    expect(failure(() => processWorkbook(input, options))).toEqual({ code: 'file.badXml', message: expect.stringContaining('<col min="1" max="99999999999"') });
  });
});

describe('a listed sheet whose content is not in the file', () => {
  const RELS = 'xl/_rels/workbook.xml.rels';
  // The ledger's relationship, whatever its id: the one whose target is the sheet's part.
  const ledgerRel = /<Relationship [^>]*Target="(?:\/xl\/)?worksheets\/sheet1\.xml"[^>]*\/>/;
  it.each([
    ['its relationship gone', (rels: string) => rels.replace(ledgerRel, '')],
    ['its target a part that is not there', (rels: string) => rels.replace(ledgerRel, (rel) => rel.replace(/sheet1\.xml/, 'sheet9.xml'))],
    ['its target outside the package', (rels: string) => rels.replace(ledgerRel, (rel) => rel.replace(/Target="[^"]*"/, 'Target="../../etc/passwd"'))],
    ['its target a file elsewhere', (rels: string) => rels.replace(ledgerRel, (rel) => rel.replace(/Target="[^"]*"/, 'Target="file:///D:/台账.xlsx" TargetMode="External"'))],
  ])('is named, with what to do, when %s (the message said only that no sheet had a ledger header)', (_what, edit) => {
    const input = editPart(clean, RELS, (rels) => {
      expect(rels).toMatch(ledgerRel);
      return edit(rels);
    });
    const expected = { code: 'ledger.sheetMissing', message: expect.stringMatching(/^工作簿中没有找到矛盾纠纷台账：工作表“台账”的内容在文件中找不到，文件可能已损坏；请在 Excel 中打开/) };
    expect(failure(() => processWorkbook(input, options))).toEqual(expected);
    expect(failure(() => readLedgerWorkbook(input, { fileName: 'ledger.xlsx', language: 'zh' }))).toEqual(expected);
  });
});

it('says a workbook that lists no sheet at all has none, rather than that no sheet has a ledger header', () => {
  const input = editPart(clean, 'xl/workbook.xml', (xml) => xml.replace(/<sheets>[\s\S]*<\/sheets>/, '<sheets/>'));
  const expected = { code: 'ledger.noSheets', message: expect.stringMatching(/^工作簿中没有任何工作表/) };
  expect(failure(() => processWorkbook(input, options))).toEqual(expected);
  expect(failure(() => readLedgerWorkbook(input, { fileName: 'ledger.xlsx', language: 'zh' }))).toEqual(expected);
});

describe('a worksheet part without its <sheetData>', () => {
  // The check reads a sheet's head only, and never the add-in's own sheets: asking why there is no
  // ledger must not fail on an earlier due-list larger than a part read whole, or on damage below it.
  it('is looked for without reading whole the sheets of a workbook that simply has no ledger', () => {
    // Numbers only, so the sheet is large and the shared strings are not.
    const dueList = [['回访清单'], ...Array.from({ length: 40_000 }, (_, i) => [i + 1, 46_000 + (i % 300), i * 7, i % 13])];
    const input = writeXlsx({ sheets: [{ name: '统计', rows: [['月份', '件数'], ['11月', 3]] }, { name: '回访清单', rows: dueList }] });
    expect(partsOf(input).find((p) => p.name === 'xl/worksheets/sheet2.xml')!.data.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(failure(() => readLedgerWorkbook(input, { fileName: 'ledger.xlsx', language: 'zh', limits: { maxEntrySize: 1024 * 1024 } }))).toEqual({
      code: 'ledger.noneInWorkbook',
      message: expect.stringContaining('没有一张工作表在前 40 行内有含'),
    });
  });

  it('is named as a sheet whose content is missing, not as a sheet without a ledger header', () => {
    const input = withSheet((xml) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, ''));
    expect(partOf(input, SHEET)).not.toContain('sheetData');
    expect(failure(() => processWorkbook(input, options))).toEqual({ code: 'ledger.sheetMissing', message: expect.stringContaining('工作表“台账”的内容在文件中找不到') });
  });
});

describe('a workbook of thousands of sheets', () => {
  it("writes the due-list past 6,000 user sheets named like the add-in's alternatives, reading the sheet list once per sheet written", () => {
    // The list was read again for every alternative name tried: 6,000 such sheets took 25 s, 12,000 past two minutes.
    const names = ['回访清单', ...Array.from({ length: 5_999 }, (_, i) => (i === 0 ? '回访清单（三色台账）' : `回访清单（三色台账${i + 1}）`))];
    const input = smallLedger(names.map((name) => ({ name, rows: [['我的表']] })));
    let workbook = '';
    expect(failure(() => (workbook = partOf(processWorkbook(input, options).bytes, 'xl/workbook.xml')))).toBe('no error');
    expect(workbook).toContain('<sheet name="回访清单（三色台账6000）"');
    expect(workbook.match(/<sheet /g)).toHaveLength(1 + 6_000 + 3);
  });
});

describe('prefixed and Strict SpreadsheetML', () => {
  const prefixed = (() => {
    const parts = partsOf(clean).map((p) =>
      ['xl/workbook.xml', SHEET, 'xl/sharedStrings.xml', 'xl/styles.xml'].includes(p.name)
        ? { ...p, data: new TextEncoder().encode(prefixSpreadsheetMl(new TextDecoder().decode(p.data))) }
        : p,
    );
    return writeRawZip(parts);
  })();

  it('reads <x:worksheet> as the .NET Open XML SDK writes it', () => {
    expect(new TextDecoder().decode(partsOf(prefixed).find((p) => p.name === SHEET)!.data)).toContain('<x:c r="B5" s="5"><x:v>46327</x:v></x:c>');
    const read = readLedgerWorkbook(prefixed, { fileName: 'ledger.xlsx', language: 'zh' });
    const plain = readLedgerWorkbook(clean, { fileName: 'ledger.xlsx', language: 'zh' });
    expect(read).toEqual(plain);
  });

  it('writes into it with its own prefix: the same output as the plain workbook gets, prefixed', () => {
    const plain = processWorkbook(clean, options);
    const result = processWorkbook(prefixed, options);
    expect(result.job.counts).toEqual(plain.job.counts);
    const text = partOf;
    for (const name of [SHEET, 'xl/styles.xml', 'xl/workbook.xml']) {
      const written = text(result.bytes, name);
      expect(written).toMatch(/^<\?xml[^>]*>\s*<x:/);
      // No SpreadsheetML element left without its prefix, the add-in's own included …
      expect(written).not.toMatch(/<\/?[A-Za-z_][\w.-]*[\s/>]/);
      // … and nothing else changed: the plain workbook's output, prefixed as the SDK prefixes it.
      expect(written).toBe(prefixSpreadsheetMl(text(plain.bytes, name)));
    }
    expect(text(result.bytes, SHEET)).toMatch(/<x:c r="[A-Z]+5" s="\d+" t="inlineStr"><x:is><x:t>/);
    // Parts it had no reason to touch keep their bytes, and a second run changes nothing.
    expect(partOf(result.bytes, 'xl/sharedStrings.xml')).toEqual(partOf(prefixed, 'xl/sharedStrings.xml'));
    expect(Buffer.from(processWorkbook(result.bytes, options).bytes).equals(Buffer.from(result.bytes))).toBe(true);
  });

  const skip = validationSkipReason();
  (skip ? it.skip : it)(`writes prefixed parts that validate against the ISO schemas${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const result = processWorkbook(prefixed, options);
    const parts = [SHEET, 'xl/styles.xml', 'xl/workbook.xml'].map((path) => ({ path, xml: partOf(result.bytes, path) }));
    expect(validateParts(parts).filter((r) => !r.ok)).toEqual([]);
  });

  it('still refuses, by name, a prefixed sheet whose prefix cannot be taken off safely (an element without it)', () => {
    const mixed = editPart(clean, SHEET, (xml) => prefixSpreadsheetMl(xml).replace('<x:sheetData>', '<sheetData xmlns="urn:other"/><x:sheetData>'));
    expect(failure(() => processWorkbook(mixed, options))).toEqual({ code: 'file.prefixedXml', message: expect.stringContaining('“ledger.xlsx”') });
  });

  it('refuses Strict Open XML by name, saying to save it as an Excel workbook', () => {
    const strict = writeRawZip(
      partsOf(clean).map((p) => {
        if (!p.name.endsWith('.xml') && !p.name.endsWith('.rels')) return p;
        const text = new TextDecoder()
          .decode(p.data)
          .replace(/http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/g, 'http://purl.oclc.org/ooxml/spreadsheetml/main')
          .replace(/http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships/g, 'http://purl.oclc.org/ooxml/officeDocument/relationships');
        return { ...p, data: new TextEncoder().encode(text) };
      }),
    );
    expectRefused(strict, 'file.strictOoxml', /另存为“Excel 工作簿 \(\*\.xlsx\)”/);
  });
});

describe('another kind of document, renamed .xlsx or chosen by mistake, is said by what it is', () => {
  const officePackage = (mainPart: string, mainXml: string | Uint8Array, contentType: string) =>
    writeRawZip([
      {
        name: '[Content_Types].xml',
        data: utf8(
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
            `<Override PartName="/${mainPart}" ContentType="${contentType}"/></Types>`,
        ),
      },
      {
        name: '_rels/.rels',
        data: utf8(
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${mainPart}"/></Relationships>`,
        ),
      },
      { name: mainPart, data: typeof mainXml === 'string' ? utf8(mainXml) : mainXml },
    ]);

  it.each<[string, Uint8Array, keyof typeof CATALOGUE, RegExp]>([
    [
      'a Word document',
      officePackage(
        'word/document.xml',
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      ),
      'file.wordDocument',
      /是 Word 文档/,
    ],
    [
      'a PowerPoint presentation',
      officePackage(
        'ppt/presentation.xml',
        '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
        'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
      ),
      'file.presentation',
      /是 PowerPoint 演示文稿/,
    ],
    [
      'an Excel Binary Workbook',
      officePackage('xl/workbook.bin', new Uint8Array([0x83, 0x01, 0x00, 0x80, 0x01, 0x00, 0xff, 0xfe, 0x00, 0x00]), 'application/vnd.ms-excel.sheet.binary.macroEnabled.main'),
      'file.binaryWorkbook',
      /\.xlsb/,
    ],
    [
      'an OpenDocument spreadsheet',
      writeRawZip([
        { name: 'mimetype', data: utf8('application/vnd.oasis.opendocument.spreadsheet'), method: 0 },
        { name: 'content.xml', data: utf8('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>') },
        { name: 'META-INF/manifest.xml', data: utf8('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>') },
      ]),
      'file.openDocument',
      /\.ods/,
    ],
  ])('%s', (_name, bytes, code, text) => {
    expectRefused(bytes, code, text);
  });

  it('still calls a package of other parts not a workbook', () => {
    expectRefused(writeRawZip([{ name: 'readme.txt', data: utf8('hello') }]), 'file.notWorkbook', /不是 Excel 工作簿/);
  });

  // Said before as 「不是 Excel 工作簿…请另存为 .xlsx」, of a file nothing opens to re-save.
  it.each([
    ['xl/workbook.xml', /缺少每个工作簿都有的部分 xl\/workbook\.xml/],
    ['[Content_Types].xml', /缺少每个工作簿都有的部分 \[Content_Types\]\.xml/],
    ['xl/_rels/workbook.xml.rels', /缺少每个工作簿都有的部分 xl\/_rels\/workbook\.xml\.rels/],
  ])('names %s when a workbook has lost it', (lost, text) => {
    expectRefused(writeRawZip(partsOf(clean).filter((p) => p.name !== lost)), 'file.partMissing', text);
  });

  it('names the relationships when a workbook has lost them and its workbook part with them', () => {
    const input = writeRawZip(partsOf(clean).filter((p) => p.name !== '_rels/.rels' && p.name !== 'xl/workbook.xml'));
    expectRefused(input, 'file.partMissing', /缺少每个工作簿都有的部分 _rels\/\.rels/);
  });

  it('still calls an Excel Binary Workbook that has lost its relationships one', () => {
    const binary = officePackage('xl/workbook.bin', new Uint8Array([0x83, 0x01, 0x00]), 'application/vnd.ms-excel.sheet.binary.macroEnabled.main');
    expectRefused(writeRawZip(partsOf(binary).filter((p) => p.name !== '_rels/.rels')), 'file.binaryWorkbook');
  });

  it('names a Strict Word document as a Word document, not as a Strict spreadsheet', () => {
    const strictWord = writeRawZip([
      { name: '[Content_Types].xml', data: utf8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>') },
      {
        name: '_rels/.rels',
        data: utf8(
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        ),
      },
      { name: 'word/document.xml', data: utf8('<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body/></w:document>') },
    ]);
    expectRefused(strictWord, 'file.wordDocument', /是 Word 文档/);
  });

  it('reads a workbook whose workbook part is named .bin but holds SpreadsheetML, as it did before', () => {
    const renamed = writeRawZip(
      partsOf(clean).map((p) => {
        const data = (text: string) => ({ ...p, data: utf8(text) });
        const text = () => new TextDecoder().decode(p.data);
        if (p.name === 'xl/workbook.xml') return { ...p, name: 'xl/workbook.bin' };
        if (p.name === 'xl/_rels/workbook.xml.rels') return { ...p, name: 'xl/_rels/workbook.bin.rels' };
        if (p.name === '_rels/.rels') return data(text().replace('xl/workbook.xml', 'xl/workbook.bin'));
        if (p.name === '[Content_Types].xml') return data(text().replace('/xl/workbook.xml', '/xl/workbook.bin'));
        return p;
      }),
    );
    expect(partsOf(renamed).map((p) => p.name)).toContain('xl/workbook.bin');
    expect(failure(() => processWorkbook(renamed, options))).toBe('no error');
  });

  it('calls a workbook part in a namespace named like a property of every object damaged, not an internal error', () => {
    const input = editPart(clean, 'xl/workbook.xml', (xml) => xml.replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns="constructor"'));
    expect(new TextDecoder().decode(partsOf(input).find((p) => p.name === 'xl/workbook.xml')!.data)).toContain('xmlns="constructor"');
    expectRefused(input, 'file.badXml', /xl\/workbook\.xml 第 \d+ 个字符处的 <workbook xmlns="constructor"/);
  });
});

it('every catalogue message a refusal uses exists in both languages', () => {
  for (const code of Object.keys(CATALOGUE).filter((c) => c.startsWith('file.')) as (keyof typeof CATALOGUE)[]) {
    expect(CATALOGUE[code].zh).toContain('“{file}”');
    expect(CATALOGUE[code].en).toContain('"{file}"');
  }
});

describe('the styles part', () => {
  const withStyles = (edit: (xml: string) => string) => editPart(clean, 'xl/styles.xml', edit);
  const xfs = (n: number) => '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'.repeat(n);

  it('takes a part of 100,000 cell formats (past what Excel keeps) in a second or two, adding its own once', () => {
    const input = withStyles((xml) => xml.replace(/<cellXfs count="\d+">/, (tag) => tag + xfs(100_000)));
    const result = processWorkbook(input, options);
    const styles = partOf(result.bytes, 'xl/styles.xml');
    const count = Number(/<cellXfs count="(\d+)"/.exec(styles)![1]);
    expect(count).toBeGreaterThan(100_000);
    expect(styles.split('<xf ').length - 1).toBeGreaterThanOrEqual(count);
    // A second run finds the add-in's formats and adds none.
    const again = processWorkbook(result.bytes, options);
    expect(partOf(again.bytes, 'xl/styles.xml')).toBe(styles);
  });

  it.each([
    ['no <cellXfs>', (xml: string) => xml.replace(/<cellXfs[^]*?<\/cellXfs>/, ''), /<cellXfs count="\d+"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"\/><xf /],
    ['no <fills>', (xml: string) => xml.replace(/<fills[^]*?<\/fills>/, ''), /<fills count="\d+"><fill><patternFill patternType="none"\/><\/fill><fill><patternFill patternType="gray125"\/><\/fill><fill>/],
    ['nothing but <styleSheet/>', (xml: string) => xml.replace(/<styleSheet([^>]*)>[^]*<\/styleSheet>/, '<styleSheet$1/>'), /<fonts count="\d+"><font><sz val="11"\/><name val="宋体"\/><\/font><font>/],
  ])("keeps the look of the user's unstyled cells when the styles part has %s: the add-in's entries go after the defaults", (_, edit, defaultsFirst) => {
    const input = withStyles(edit);
    const first = processWorkbook(input, options).bytes;
    const styles = partOf(first, 'xl/styles.xml');
    expect(styles).toMatch(defaultsFirst);
    // A re-run finds its own entries and adds none.
    expect(Buffer.from(processWorkbook(first, options).bytes).equals(Buffer.from(first))).toBe(true);
    if (!validationSkipReason()) expect(validateParts([{ path: 'xl/styles.xml', xml: styles }]).filter((r) => !r.ok)).toEqual([]);
  });

  it("refuses to take a workbook past Excel's 65,490 cell formats, and takes one that has room", () => {
    const withCellXfs = (total: number) =>
      withStyles((xml) => xml.replace(/<cellXfs count="(\d+)">/, (tag, count: string) => `<cellXfs count="${total}">${xfs(total - Number(count))}`));
    expect(failure(() => processWorkbook(withCellXfs(65_490), options))).toEqual({
      code: 'file.cellFormatsFull',
      message: expect.stringContaining('已有 65490 种单元格格式（xl/styles.xml），本工具再添加就会超过 Excel 的上限 65490 种'),
    });
    const roomy = partOf(processWorkbook(withCellXfs(65_400), options).bytes, 'xl/styles.xml');
    const count = Number(/<cellXfs count="(\d+)"/.exec(roomy)![1]);
    expect(count).toBeGreaterThan(65_400);
    expect(count).toBeLessThanOrEqual(65_490);
  });

  it('refuses millions of cell formats or fonts (a few hundred kilobytes compressed) before indexing them', () => {
    expectRefused(withStyles((xml) => xml.replace(/<cellXfs count="\d+">/, (tag) => tag + xfs(140_000))), 'file.tooManyStyles', /xl\/styles\.xml）有 14000\d 项 cellXfs/);
    const fonts = '<font><sz val="11"/><name val="宋体"/></font>'.repeat(140_000);
    const input = withStyles((xml) => xml.replace(/<fonts count="\d+">/, (tag) => tag + fonts));
    expect(failure(() => processWorkbook(input, options))).toEqual({ code: 'file.tooManyStyles', message: expect.stringMatching(/有 14000\d 项 fonts/) });
    const formats = Array.from({ length: 140_000 }, (_, i) => `<numFmt numFmtId="${i + 200}" formatCode="0.${'0'.repeat(i % 5)}"/>`).join('');
    const numFmts = withStyles((xml) => (xml.includes('<numFmts') ? xml.replace(/<numFmts count="\d+">/, (tag) => tag + formats) : xml.replace(/<fonts/, `<numFmts count="140000">${formats}</numFmts><fonts`)));
    expect(failure(() => readLedgerWorkbook(numFmts, { fileName: 'ledger.xlsx', language: 'zh' }))).toEqual({ code: 'file.tooManyStyles', message: expect.stringMatching(/项 numFmts/) });
  });
});

describe('large lists are written without one call taking every row as arguments', () => {
  it('writes a report of 200,000 rows each with its height (a due-list where most disputes are due), and a ledger with 150,000 rule priorities', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [{ value: `第${i + 1}件` }]);
    const rowHeights: Record<number, number> = {};
    for (let r = 0; r < rows.length; r++) rowHeights[r] = 30;
    const sheet = { name: '回访清单', columnWidths: [20], rows, merges: [], rowHeights, print: { landscape: true, fitToWidth: true } };
    const bytes = writeReportWorkbook([sheet], { sheet: '_tricolor', rows: [] }, { codec: NODE_CODEC });
    expect(partOf(bytes, 'xl/worksheets/sheet1.xml')).toContain('<row r="200000" ht="30" customHeight="1">');

    const rules = Array.from({ length: 150_000 }, (_, i) => `<cfRule type="expression" dxfId="0" priority="${i + 1}"><formula>A1=${i}</formula></cfRule>`).join('');
    const input = withSheet((xml) => xml.replace('</sheetData>', `</sheetData><conditionalFormatting sqref="Z1">${rules}</conditionalFormatting>`));
    const result = processWorkbook(input, options);
    expect(partOf(result.bytes, SHEET)).toContain('priority="150001"');
  });
});

describe('a tag that gives an attribute twice (XML 3.1) is refused in every part the add-in may rewrite', () => {
  it.each([
    ['the ledger sheet’s root', SHEET, (x: string) => x.replace('<worksheet ', '<worksheet a="1" a="2" '), /<worksheet a="1" a="2"/],
    ['a sheet entry of the workbook', 'xl/workbook.xml', (x: string) => x.replace('<sheet ', '<sheet a="1" a="2" '), /<sheet a="1" a="2"/],
    ['a cell format of the stylesheet', 'xl/styles.xml', (x: string) => x.replace(/<xf /, '<xf a="1" a="2" '), /<xf a="1" a="2"/],
  ])('in %s', (_where, part, edit, quoted) => {
    expectRefused(editPart(clean, part, edit), 'file.badXml', quoted);
  });

  // Past a megabyte a sheet's elements are checked by its reader, not by the nesting check: its
  // rows and cells as it reads them, and now the tags before and after its sheet data too.
  const big = makeBigLedger(2_000); // a ledger sheet of about 1.5 MB
  it.each([
    ['the sheet’s dimension, before its data', (x: string) => x.replace('<dimension ref="', '<dimension ref="A1" ref="'), /<dimension ref="A1" ref=/],
    ['a merged area after its data', (x: string) => x.replace('<mergeCell ref="E3:E4"/>', '<mergeCell ref="E3:E4" ref="C1:D9"/>'), /<mergeCell ref="E3:E4" ref="C1:D9"\/>/],
    ['its page setup', (x: string) => x.replace('<pageSetup paperSize="9"', '<pageSetup paperSize="9" paperSize="8"'), /<pageSetup paperSize="9" paperSize="8"/],
  ])('in %s, of a ledger sheet past a megabyte, read whole or in pieces', (_where, edit, quoted) => {
    const edited = editPart(big, SHEET, edit);
    expect(new TextDecoder().decode(partsOf(edited).find((p) => p.name === SHEET)!.data).length).toBeGreaterThan(1 << 20);
    for (const sizes of [{ minBytes: Infinity }, { minBytes: 0, pieceBytes: 1 << 16 }]) withSheetSizes(sizes, () => expectRefused(edited, 'file.badXml', quoted));
  });

  it.each([
    ['after the sheet data of a small ledger', clean, (x: string) => x.replace('</sheetData>', '</sheetData><x/>')],
    ['before the sheet data of a small ledger', clean, (x: string) => x.replace('<sheetData', '<x a="1"><y/></x><sheetData')],
    ['after the sheet data of a ledger past a megabyte', big, (x: string) => x.replace('</mergeCells>', '</mergeCells>' + '<x/>'.repeat(1000))],
  ])('refuses a child of the worksheet SpreadsheetML has no place for, %s, read whole or in pieces', (_where, workbook, edit) => {
    const edited = editPart(workbook, SHEET, edit);
    for (const sizes of [{ minBytes: Infinity }, { minBytes: 0, pieceBytes: 1 << 16 }]) withSheetSizes(sizes, () => expectRefused(edited, 'file.badXml', /<x( a="1")?\/?>/));
  });

  it.each([
    ['a shared string', 'xl/sharedStrings.xml', (x: string) => x.replace('</sst>', '<si><r><t>马某<b>扬言</b>要砍人</t></r></si></sst>')],
    ['a shared string of one run', 'xl/sharedStrings.xml', (x: string) => x.replace('</sst>', '<si><t>马某<b>扬言</b>要砍人</t></si></sst>')],
  ])('refuses an element inside the text of %s (a <t> holds text only), not reading its tags as words', (_what, part, edit) => {
    expectRefused(editPart(clean, part, edit), 'file.badXml', /<t>马某<b>扬言<\/b>要砍人<\/t>/);
  });

  it('says a zip archive holding a workbook is an archive to unpack, not a file to save again as .xlsx', () => {
    const archive = writeRawZip([
      { name: '青山镇/台账.xlsx', data: clean },
      { name: '说明.txt', data: new TextEncoder().encode('十一月台账') },
    ]);
    expectRefused(archive, 'file.archiveOfWorkbooks', /是一个压缩包，里面装着“青山镇\/台账\.xlsx”等文件/);
  });

  it.each([' ', '\t', '\n'])('keeps a worksheet child of another namespace (an extension), as Excel does, whatever white space stands before its xmlns (%j)', (space) => {
    const extended = editPart(clean, SHEET, (x) =>
      x.replace('</worksheet>', `<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Fallback/></mc:AlternateContent><ext${space}xmlns="urn:other"><y/></ext></worksheet>`),
    );
    expect(valuesOf(extended)).toEqual(valuesOf(clean));
  });

  it.each([
    ['with xmlns= inside a value', '<x a=" xmlns=1"/>'],
    ['declaring SpreadsheetML itself as its namespace', '<x xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'],
  ])('refuses an unknown worksheet child %s (no extension: the namespace is read as an attribute)', (_how, element) => {
    expectRefused(editPart(clean, SHEET, (x) => x.replace('</worksheet>', `${element}</worksheet>`)), 'file.badXml', /<x /);
  });

  it.each([
    ['an attribute given twice inside a cell', (x: string) => x.replace(/<v>/, '<v a="1" a="2">'), /<v a="1" a="2">|<c /],
    ['a stray end tag before the sheet data', (x: string) => x.replace('<sheetData', '</sheetViews><x/><sheetData'), /<\/sheetViews>/],
  ])('refuses %s in a ledger sheet past a megabyte, read whole or in pieces', (_what, edit, quoted) => {
    const edited = editPart(big, SHEET, edit);
    for (const sizes of [{ minBytes: Infinity }, { minBytes: 0, pieceBytes: 1 << 16 }]) withSheetSizes(sizes, () => expectRefused(edited, 'file.badXml', quoted));
  });

  const attributes = (n: number) => Array.from({ length: n }, (_, i) => `a${i}="1"`).join(' ');
  it.each([
    ['a sheet entry of the workbook', 'xl/workbook.xml', (x: string) => x.replace('<sheet ', `<sheet ${attributes(200_000)} `), /xl\/workbook\.xml 从第 \d+ 个字符（<sheet a0="1" a1="1"/],
    ['a cell format of the stylesheet', 'xl/styles.xml', (x: string) => x.replace(/<xf /, `<xf ${attributes(200_000)} `), /xl\/styles\.xml 从第 \d+ 个字符（<xf a0="1"/],
    ['the ledger sheet’s root', SHEET, (x: string) => x.replace('<worksheet ', `<worksheet ${Array.from({ length: 100_000 }, (_, i) => `xmlns:p${i}="urn:${i}"`).join(' ')} `), /sheet1\.xml 从第 \d+ 个字符（<worksheet xmlns:p0=/],
  ])('refuses one tag of over a million characters in %s (five million attributes overflowed the expressions’ stack)', (_where, part, edit, quoted) => {
    expectRefused(editPart(clean, part, edit), 'file.tagTooLong', quoted);
  });

  it('reads a large workbook (thousands of names) whole: a tag that closes another element is refused there too', () => {
    const names = (end: string) => (x: string) => x.replace('</sheets>', `</sheets><definedNames>${'<definedName name="n">台账!$A$1</definedName>'.repeat(30_000)}<definedName name="x">台账!$A$1</definedNam${end}></definedNames>`);
    expectRefused(editPart(clean, 'xl/workbook.xml', names('')), 'file.badXml', /<\/definedNam>/);
  });
});
