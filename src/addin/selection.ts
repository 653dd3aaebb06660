/**
 * The selection outside Excel, where there is no grid to click: what the page's name box selects
 * and shows (当前选中：…). The host that runs the pane there keeps it (hosts/file-addin); the page
 * (taskpane/outside) only shows it.
 */

export interface WorkbookSelection {
  sheet: string;
  /** Without the sheet name: 'B35', '35:35', 'A1:C4'. */
  address: string;
  /** What the cell holds as text (dates as YYYY-MM-DD), '' for an empty cell, null for more than one cell. */
  value: string | null;
}

export type SelectProblem =
  /** Not a cell, row or area reference. */
  | { kind: 'address'; text: string }
  /** No sheet of that name. */
  | { kind: 'sheet'; sheet: string }
  /** The sheet is hidden; Excel cannot select in it either. */
  | { kind: 'hidden'; sheet: string };

export type SelectResult = { ok: true; selection: WorkbookSelection } | { ok: false; problem: SelectProblem };

/** What the page's name box needs of the open workbook. */
export interface SelectableWorkbook {
  /** The selection and what its cell holds; null when no sheet is open. */
  selection(): WorkbookSelection | null;
  /** Selects 'B35', '35' (a row) or 'Sheet!B35', as a click in Excel would. */
  select(reference: string): Promise<SelectResult>;
  /** Calls `listener` whenever the selection or the workbook changed; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** Excel quotes a sheet name in an address unless it is a plain word that cannot be read as a reference. */
export function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A sheet name as written before the '!': quotes ('My sheet', 'it''s') taken off; null if nothing is left. */
export function unquoteSheetName(written: string): string | null {
  const quoted = /^'((?:[^']|'')+)'$/.exec(written);
  const name = quoted ? quoted[1].replace(/''/g, "'") : written;
  return name === '' ? null : name;
}

/** 'Sheet!B35' as Excel writes it (the name quoted when it must be). */
export function qualifiedSelection(selection: WorkbookSelection): string {
  return `${quoteSheetName(selection.sheet)}!${selection.address}`;
}
