import { strFromU8, unzipSync } from 'fflate';
import { DEFAULT_PRESET, MAX_CELL_CHARS, parseIsoDay, type TriagePreset } from '../../src/core';
import { unescapeXml } from '../../src/hosts/xlsx/xml';
import { writeXlsx, type CellInput } from '../../scripts/lib/xlsx-writer';
import { processWorkbook } from '../../src/hosts/xlsx';
import { SMALL_LEDGER_MERGES, SMALL_LEDGER_ROWS } from './small-ledger';

/** Every text cell of every sheet written: inline strings and shared ones alike. */
function cellTexts(bytes: Uint8Array): { part: string; text: string }[] {
  const out: { part: string; text: string }[] = [];
  for (const [part, data] of Object.entries(unzipSync(bytes))) {
    if (!/^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/.test(part)) continue;
    for (const m of strFromU8(data).matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) out.push({ part, text: unescapeXml(m[1]) });
  }
  return out;
}

describe("Excel's limit of 32,767 characters a cell", () => {
  it('is kept by every cell written, whatever the preset or the ledger gives, and a cut text ends in …', () => {
    const rows: CellInput[][] = SMALL_LEDGER_ROWS.map((r) => [...r]);
    rows[4][0] = `A${'1'.repeat(MAX_CELL_CHARS - 1)}`; // a 编号 as long as a cell holds
    const longHandling = '甲'.repeat(40_000);
    const preset: TriagePreset = { ...DEFAULT_PRESET, handling: { ...DEFAULT_PRESET.handling, red: { zh: longHandling, en: 'Revisit daily' } } };
    const input = writeXlsx({ sheets: [{ name: '台账', rows, merges: SMALL_LEDGER_MERGES }] });
    const out = processWorkbook(input, { fileName: 'ledger.xlsx', asOf: parseIsoDay('2026-11-28')!, preset, language: 'zh', mask: true }).bytes;
    const texts = cellTexts(out);
    expect(texts.filter((t) => t.text.length > MAX_CELL_CHARS).map((t) => `${t.part}: ${t.text.length}`)).toEqual([]);
    // The red row's handling on the due-list: cut, and says so.
    expect(texts.some((t) => t.text === `${'甲'.repeat(MAX_CELL_CHARS - 1)}…`)).toBe(true);
  });
});
