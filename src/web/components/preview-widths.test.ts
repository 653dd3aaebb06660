import { DATA_COLUMN_MAX_EM, DATA_COLUMN_MIN_EM, previewColumnWidths } from './preview-widths';
import type { LedgerPreview } from '../protocol';

const LEVELS_ZH = ['红', '黄', '绿'];
/** Padding and border a cell adds to its text (see preview-widths.ts). */
const CHROME = 1.5;

function preview(header: string, cells: string[], lastRow = 12): LedgerPreview {
  return {
    columns: [{ column: 'C', header, own: false }],
    rows: cells.map((text, i) => ({ row: lastRow - cells.length + 1 + i, level: 'green', cells: [text] })),
    truncated: false,
  };
}

describe('previewColumnWidths', () => {
  // [what, header, cells, data column width in em]
  const cases: [string, string, string[], number][] = [
    ['short texts get the minimum width', '姓名', ['张三', '李四'], DATA_COLUMN_MIN_EM + CHROME],
    ['a Chinese character is 1 em, so ten of them need 10 em', '简要情况', ['一二三四五六七八九十'], 10 + CHROME],
    ['Latin letters and digits count 0.6 em', '电话', ['13800138000 ext 12345'], Math.ceil((21 * 0.6 + CHROME) * 2) / 2],
    ['a character beyond the basic plane counts once', '备注', ['𠀋'.repeat(10)], 10 + CHROME],
    ['a long text wraps at the maximum width', '简要情况', ['邻'.repeat(80)], DATA_COLUMN_MAX_EM + CHROME],
    ['the longest line counts, not the whole text', '简要情况', ['一二三四五\n一二三四五六七'], 7 + CHROME],
    ['the header, kept on one line and set bold, widens the column', '首次登记时的联系人及其电话', ['是'], Math.ceil((13 * 1.1 + CHROME) * 2) / 2],
    ['the widest cell of any row sets the width', '地点', ['村口', '青山镇青山村三组老宅', '镇上'], 10 + CHROME],
  ];
  it.each(cases)('%s', (_what, header, cells, width) => {
    expect(previewColumnWidths(preview(header, cells), LEVELS_ZH, '行', '等级')[2]).toBe(width);
  });

  it('the row number fits the last row shown, the level column its longest word', () => {
    const [rowNumber, level] = previewColumnWidths(preview('姓名', ['张三'], 100_204), ['Red', 'Yellow', 'Green'], 'Row', 'Level');
    expect(rowNumber).toBe(Math.ceil((6 * 0.6 + CHROME) * 2) / 2);
    expect(level).toBe(Math.ceil((6 * 0.6 + CHROME) * 2) / 2);
  });

  it('gives one width per column shown, row number and level first', () => {
    const two: LedgerPreview = { columns: [{ column: 'A', header: '序号', own: false }, { column: 'T', header: '建议等级', own: true }], rows: [], truncated: false };
    expect(previewColumnWidths(two, LEVELS_ZH, '行', '等级')).toHaveLength(4);
  });
});
