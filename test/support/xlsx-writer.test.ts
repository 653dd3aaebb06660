import * as fs from 'fs';
import * as path from 'path';
import {
  buildXlsxParts, columnIndex, columnLetter, dateToSerial, encodeXstring, writeXlsx, type WorkbookSpec,
} from '../../scripts/lib/xlsx-writer';
import { idChecksum, idNumber, makeRng } from '../../scripts/lib/synth';
import { makeSampleLedger } from '../../scripts/sample/make-sample-ledger';
import { makeBigLedger } from '../../scripts/sample/make-big-ledger';
import { readSheetValues, readZip, validatePackage, validateParts, validationSkipReason } from './ooxml';

const spec: WorkbookSpec = {
  sheets: [
    {
      name: '台账',
      rows: [
        [{ v: 'XX派出所矛盾纠纷排查化解工作台账', style: 'title' }],
        [{ v: '序号', style: 'header' }, { v: '登记日期', style: 'header' }, { v: '当事人', style: 'header' }, { v: null, style: 'header' }],
        [1, { date: '2020-03-05' }, '张三、李四', ' 尾随空格 '],
        [2, { date: '2026-11-30', style: 'dateCn' }, 'a<b>&"c"', true],
        [3, { v: 5, f: 'A3+A4' }, { v: '内联', inline: true }, 'ctrl\u0001_x0041_\r\n'],
      ],
      merges: ['A1:D1'],
      colWidths: [6, 12, undefined, 20],
      freeze: 'B3',
    },
    { name: 'Sheet 2', rows: [] },
  ],
  definedNames: [{ name: '_xlnm.Print_Titles', ref: '台账!$2:$2', localSheet: 0 }],
};

describe('dateToSerial', () => {
  it.each([
    ['1900-03-01', false, 61],
    ['1970-01-01', false, 25569],
    ['2020-03-05', false, 43895],
    ['2026-11-30', false, 46356],
    ['1904-01-01', true, 0],
    ['2020-03-05', true, 42433],
  ])('gives %s (1904: %s) serial %d', (iso, d1904, serial) => {
    expect(dateToSerial(iso as string, d1904 as boolean)).toBe(serial);
  });

  it('refuses impossible dates', () => {
    expect(() => dateToSerial('2026-02-30')).toThrow(/no such date/);
  });
});

describe('column letters', () => {
  it.each([[0, 'A'], [25, 'Z'], [26, 'AA'], [701, 'ZZ'], [702, 'AAA'], [16383, 'XFD']])('%d is %s and back', (i, l) => {
    expect(columnLetter(i as number)).toBe(l);
    expect(columnIndex(l as string)).toBe(i);
  });
});

describe('encodeXstring', () => {
  it('escapes control characters, carriage returns and literal _xHHHH_ the SpreadsheetML way', () => {
    expect(encodeXstring('a\u0001b')).toBe('a_x0001_b');
    expect(encodeXstring('_x0041_')).toBe('_x005F_x0041_');
    expect(encodeXstring('1\r\n2')).toBe('1_x000D_\n2');
    expect(encodeXstring('<&>')).toBe('&lt;&amp;&gt;');
  });
});

describe('writeXlsx', () => {
  const bytes = writeXlsx(spec);

  it('is deterministic', () => {
    expect(Buffer.from(writeXlsx(spec)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('writes values that read back as given', () => {
    const v = readSheetValues(bytes, '台账');
    expect(v.sheets).toEqual(['台账', 'Sheet 2']);
    expect(v.date1904).toBe(false);
    expect(v.merges).toEqual(['A1:D1']);
    expect(v.cells.get('A1')).toBe('XX派出所矛盾纠纷排查化解工作台账');
    expect(v.cells.get('B3')).toBe(43895);
    expect(v.cells.get('C3')).toBe('张三、李四');
    expect(v.cells.get('D3')).toBe(' 尾随空格 ');
    expect(v.cells.get('C4')).toBe('a<b>&"c"');
    expect(v.cells.get('D4')).toBe(true);
    expect(v.cells.get('B5')).toBe(5);
    expect(v.cells.get('C5')).toBe('内联');
    // The reader here does not decode _xHHHH_; the raw form proves the escape was written.
    expect(v.cells.get('D5')).toBe('ctrl_x0001__x005F_x0041__x000D_\n');
  });

  it('shares repeated strings and counts references', () => {
    const parts = buildXlsxParts({ sheets: [{ name: 'S', rows: [['甲', '乙'], ['甲', '甲']] }] });
    expect(parts['xl/sharedStrings.xml']).toContain('count="4" uniqueCount="2"');
  });

  it('marks the 1904 date system and counts dates from 1904', () => {
    const b = writeXlsx({ date1904: true, sheets: [{ name: 'S', rows: [[{ date: '2020-03-05' }]] }] });
    const v = readSheetValues(b);
    expect(v.date1904).toBe(true);
    expect(v.cells.get('A1')).toBe(42433);
  });

  it('writes inline strings and no shared-strings part when asked', () => {
    const parts = buildXlsxParts({ strings: 'inline', sheets: [{ name: 'S', rows: [['甲']] }] });
    expect(parts['xl/sharedStrings.xml']).toBeUndefined();
    expect(parts['xl/worksheets/sheet1.xml']).toContain('t="inlineStr"');
    expect(parts['[Content_Types].xml']).not.toContain('sharedStrings');
  });

  it('refuses bad sheet names and duplicate sheets', () => {
    expect(() => buildXlsxParts({ sheets: [{ name: 'a/b', rows: [] }] })).toThrow(/invalid sheet name/);
    expect(() => buildXlsxParts({ sheets: [{ name: 'A', rows: [] }, { name: 'a', rows: [] }] })).toThrow(/duplicate/);
  });

  const skip = validationSkipReason();
  if (skip) {
    test.skip(`schema validation skipped: ${skip}`, () => undefined);
  } else {
    it('writes parts that validate against the ISO schemas, without preprocessing except xml:space', () => {
      const parts = buildXlsxParts(spec);
      const results = validateParts(
        Object.entries(parts)
          .filter(([name]) => name !== 'docProps/core.xml')
          .map(([name, xml]) => ({ path: name, xml })),
      );
      expect(results.filter((r) => !r.ok)).toEqual([]);
      // Only <t> with edge whitespace carries xml:space (as Excel writes it); nothing else needs preparing.
      for (const [name, xml] of Object.entries(parts)) if (name !== 'xl/sharedStrings.xml') expect([name, xml.includes('mc:')]).toEqual([name, false]);
    });
  }
});

describe('the demo sample ledger', () => {
  const committed = new Uint8Array(fs.readFileSync(path.resolve(__dirname, '../../assets/sample-ledger.xlsx')));

  it('is what make-sample-ledger writes', () => {
    expect(Buffer.from(makeSampleLedger()).equals(Buffer.from(committed))).toBe(true);
  });

  it('has about 300 disputes under a two-row header and a scenario for every default rule', () => {
    const v = readSheetValues(committed, '矛盾纠纷台账');
    expect(v.cells.get('A1')).toBe('XX镇派出所矛盾纠纷排查化解工作台账');
    expect(v.cells.get('F3')).toBe('当事人');
    expect(v.cells.get('F4')).toBe('姓名');
    expect(v.merges).toContain('F3:H3');
    const text: string[] = [];
    let rows = 0;
    for (let r = 5; v.cells.has(`A${r}`); r++) {
      rows++;
      text.push(['D', 'E', 'I', 'J', 'K', 'P'].map((c) => String(v.cells.get(`${c}${r}`) ?? '')).join(' '));
    }
    expect(rows).toBeGreaterThanOrEqual(290);
    const all = text.join('\n');
    for (const word of ['扬言要砍人', '持刀', '农药', '自杀', '同归于尽', '群体', '堵路', '聚集', '跨县', '越级上访', '进京', '多次调解未果',
      '报警5次', '精神障碍', '肇事肇祸', '家暴', '殴打', '3万', '3.5万元', '30,000元', '宅基地', '山林', '征地', '拆迁', '欠薪', '信访',
      '两次调解未果', '若干', '未化解', '化解中', '已化解', '已销号']) {
      expect([word, all.includes(word)]).toEqual([word, true]);
    }
    expect([...v.cells.values()]).toContain('2026-02-30');
  });

  if (!validationSkipReason()) {
    it('validates', () => {
      expect(validatePackage(committed).filter((r) => !r.ok && r.path !== 'docProps/core.xml')).toEqual([]);
    });
  }
});

describe('makeBigLedger', () => {
  it('writes the demo layout with the requested number of disputes', () => {
    const b = makeBigLedger(2000);
    const zip = readZip(b);
    expect(new TextDecoder().decode(zip.get('xl/worksheets/sheet1.xml')!)).toContain('<dimension ref="A1:T2004"/>');
    const v = readSheetValues(b);
    expect(v.cells.get('A2004')).toBe(2000);
    expect(v.cells.get('E3')).toBe('纠纷简要情况');
  });
});

describe('synthetic ID numbers', () => {
  it('carry a valid GB 11643 check character and an impossible birth year', () => {
    const rng = makeRng(1);
    for (let i = 0; i < 50; i++) {
      const id = idNumber(rng);
      expect(id).toMatch(/^640422190\d{8}[\dX]$/);
      expect(id[17]).toBe(idChecksum(id.slice(0, 17)));
    }
    // A published example: 11010519491231002X.
    expect(idChecksum('11010519491231002')).toBe('X');
  });
});
