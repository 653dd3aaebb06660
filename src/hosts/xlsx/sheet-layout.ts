/**
 * Where the rows of a worksheet part's sheet data lie, as the reader found them: the writer of the
 * ledger sheet splices the add-in's cells in at these places instead of scanning the 90 MB part a
 * second time for row and cell boundaries (a sixth of what writing the ledger sheet cost). Offsets
 * are into the part's text as the package gives it, which is the same text each time it is asked for.
 */
export interface SheetDataLayout {
  /** A comment, CDATA or processing instruction met in the sheet data: the writer then scans as before. */
  special: boolean;
  /** Where `<sheetData…>` starts, where its start tag ends, and where `</sheetData>` ends (the start tag's end when it is `<sheetData/>`). */
  start: number;
  tagEnd: number;
  end: number;
  rows: RowLayout;
  /** The highest cell format (`s`) a cell of the sheet data names, -1 for none: formats past the styles' list must stay theirs. */
  highestStyle?: number;
}

/** The last cell of a row has no `r` attribute: its column is not written in the part. */
export const UNNAMED_LAST_CELL = -2;

/** One row of the sheet data as it lies in the part. */
export interface RowPlace {
  /** The 0-based row number. */
  row: number;
  /** Where `<row…>` starts. */
  start: number;
  /** Where its start tag ends (the body starts); for `<row…/>`, where the row ends. */
  bodyStart: number;
  /** Where `</row>` starts (bodyStart for `<row…/>`). */
  bodyEnd: number;
  /** Where the row's cells end: its `<extLst>` when it has one (cells go before it), else bodyEnd. */
  cellsEnd: number;
  /** Where the row ends, after `</row>`. */
  end: number;
  /** The column of the row's last cell, -1 for a row without cells, UNNAMED_LAST_CELL when the part does not say it. */
  lastCol: number;
}

const FIELDS = 7;

/** The rows' places, seven numbers a row in one growing typed array: 100,000 rows take 2.8 MB and no objects. */
export class RowLayout {
  private data = new Int32Array(FIELDS * 1024);
  private count = 0;

  get length(): number {
    return this.count;
  }

  add(row: number, start: number, bodyStart: number, bodyEnd: number, cellsEnd: number, end: number, lastCol: number): void {
    if ((this.count + 1) * FIELDS > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const at = this.count++ * FIELDS;
    const d = this.data;
    d[at] = row;
    d[at + 1] = start;
    d[at + 2] = bodyStart;
    d[at + 3] = bodyEnd;
    d[at + 4] = cellsEnd;
    d[at + 5] = end;
    d[at + 6] = lastCol;
  }

  at(i: number): RowPlace {
    const at = i * FIELDS;
    const d = this.data;
    return { row: d[at], start: d[at + 1], bodyStart: d[at + 2], bodyEnd: d[at + 3], cellsEnd: d[at + 4], end: d[at + 5], lastCol: d[at + 6] };
  }
}
