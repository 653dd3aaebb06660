import { columnCells, columnWithCells } from './own-cells';

const COLUMN = { key: 'reasons' as const, header: '判定依据', col: 12, kind: 'text' as const, width: 60 };

/** Three disputes' reasons, counting how often each is made. */
function reasonsColumn() {
  const made: number[] = [];
  const rows = [4, 5, 7];
  const column = columnWithCells(COLUMN, {
    length: rows.length,
    rowAt: (i) => rows[i],
    cellAt: (i) => {
      made.push(i);
      return { row: rows[i], value: `第${i + 1}件的依据` };
    },
  });
  return { column, made };
}

describe("the add-in's own column cells, made when read", () => {
  it('gives a writer rows without making values, and each value only when asked', () => {
    const { column, made } = reasonsColumn();
    const cells = columnCells(column);
    expect([0, 1, 2].map((i) => cells.rowAt(i))).toEqual([4, 5, 7]);
    expect(made).toEqual([]);
    expect(cells.cellAt(2)).toEqual({ row: 7, value: '第3件的依据' });
    expect(made).toEqual([2]);
  });

  it('reads as an ordinary column: cells made once and kept, and a writer then takes the kept ones', () => {
    const { column, made } = reasonsColumn();
    expect(column.cells.map((c) => c.value)).toEqual(['第1件的依据', '第2件的依据', '第3件的依据']);
    expect(column.cells).toBe(column.cells);
    columnCells(column).cellAt(0);
    expect(made).toEqual([0, 1, 2]);
    expect({ ...column }).toMatchObject({ ...COLUMN, cells: [{ row: 4 }, { row: 5 }, { row: 7 }] });
  });
});
