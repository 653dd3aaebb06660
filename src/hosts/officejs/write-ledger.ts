/// <reference types="office-js" />
import { dayToExcelSerial, fitCellText, markedFormula, message, OVERDUE_FONT, unmarkedFormula, rgbHex, SheetProtectedError, type CellRange, type ConditionalFormatRule, type Language, type Level, type TriagedDispute, type WritePlan, LEVEL_FILLS, rangeRef } from '../../core';
import { blocksOfRows, jsonBytes, MAX_WRITE_BYTES } from './blocks';
import { rangeAt } from './ranges';
import type { Syncer } from './sync';

export interface LedgerWriteOptions {
  date1904: boolean;
  /** ExcelApi 1.6: conditional formats; without it rows get static fills written in blocks. */
  conditionalFormats: boolean;
  /** ExcelApi 1.8: data validation for the 红/黄/绿 dropdown. */
  dataValidation: boolean;
  /** ExcelApi 1.2: column widths and merging. */
  columnWidths: boolean;
  merge: boolean;
  /** ExcelApi 1.2: sheet protection can be read. */
  protection: boolean;
  language: Language;
}

export interface LedgerWriteResult {
  /** Notes for the user about how the sheet was written (e.g. the ledger is an Excel table). */
  notes: string[];
}

/** Excel measures column widths in points; one character of the default font is about 6 points. */
const POINTS_PER_CHAR = 6;

/** Only what would hold text, as text: '@' first, so Excel keeps "=…", "001", "2026-01-05" as written. */
export function textFormats(rows: readonly (readonly unknown[])[]): (string | null)[][] {
  return rows.map(textFormatsOfRow);
}

function textFormatsOfRow(row: readonly unknown[]): (string | null)[] {
  return row.map((v) => (typeof v === 'string' && v !== '' ? '@' : null));
}

/** What a row costs in a request that sets its values and its text formats. */
export function bytesWithFormats(row: readonly unknown[]): number {
  return jsonBytes(row) + jsonBytes(textFormatsOfRow(row)) + 2;
}

/**
 * Applies the plan to the ledger sheet through Office.js: own header cells and values (in blocks
 * under the request limit), widths, and the colours — the add-in's conditional formats (recognised
 * by their formula) deleted and added again, or static fills in blocks where the client has no
 * conditional formats. Refuses a protected sheet before anything is written.
 */
export async function writeLedger(
  context: Excel.RequestContext,
  syncer: Syncer,
  plan: WritePlan,
  disputes: readonly TriagedDispute[],
  options: LedgerWriteOptions,
): Promise<LedgerWriteResult> {
  const sheet = context.workbook.worksheets.getItem(plan.sheet);
  const height = plan.lastDataRow - plan.firstDataRow + 1;
  // One read before any write: the header's look (any ExcelApi), protection, tables, the formats
  // already on the sheet and the validation of the manual-level column.
  const header = sheet.getCell(plan.headerStyleFrom.row, plan.headerStyleFrom.col);
  header.format.load('horizontalAlignment,wrapText');
  header.format.fill.load('color');
  header.format.font.load('bold,color,size,name');
  if (options.protection) sheet.protection.load('protected');
  const tables = sheet.tables;
  tables.load('items/name');
  let existing: Excel.ConditionalFormatCollection | null = null;
  if (options.conditionalFormats) {
    existing = sheet.getRange().conditionalFormats;
    // A format of another type (a user's data bar) has no custom rule: customOrNullObject is null.
    existing.load('items/type,items/priority,items/customOrNullObject/rule/formula');
  }
  const planned = plan.dropdown;
  const dropdown = planned && options.dataValidation && height > 0 ? rangeAt(sheet, planned.range.top, planned.range.left, height, 1) : null;
  const dropdownTop = planned && dropdown ? rangeAt(sheet, planned.range.top, planned.range.left, 1, 1) : null;
  dropdown?.dataValidation.load('type');
  dropdownTop?.dataValidation.load('type,rule');
  await syncer.sync();
  if (options.protection && sheet.protection.protected) throw new SheetProtectedError(plan.sheet, options.language);

  const notes: string[] = [];
  const table = await tableOverLedger(syncer, tables, plan);
  if (table) notes.push(message(table.besideIt ? 'ledger.inTable' : 'ledger.rightOfTable', options.language, { table: table.name }));

  // The formats are replaced in the first request that writes, right after they were read: their
  // ids are positions, and the fewer requests between, the less anyone else can move them.
  if (existing) queueConditionalFormats(sheet, plan, existing);

  for (const column of plan.columns) {
    if (column.header === null) continue;
    const cell = sheet.getCell(plan.headerTop, column.col);
    cell.values = [[column.header]];
    cell.format.font.bold = header.format.font.bold || true;
    if (header.format.font.color) cell.format.font.color = header.format.font.color;
    if (header.format.font.size) cell.format.font.size = header.format.font.size;
    if (header.format.font.name) cell.format.font.name = header.format.font.name;
    if (header.format.fill.color && header.format.fill.color !== '#FFFFFF') cell.format.fill.color = header.format.fill.color;
    cell.format.horizontalAlignment = 'Center';
    cell.format.wrapText = true;
    if (options.columnWidths) cell.format.columnWidth = column.width * POINTS_PER_CHAR;
    // Cells of a table cannot be merged: a table's header is one row anyway.
    if (options.merge && !table && plan.headerBottom > plan.headerTop) rangeAt(sheet, plan.headerTop, column.col, plan.headerBottom - plan.headerTop + 1, 1).merge();
  }

  // One rectangle per column, every row from the first to the last data row ('' where no dispute).
  for (const column of plan.columns) {
    if (column.cells.length === 0) continue;
    const byRow = new Map(column.cells.map((c) => [c.row, c.value]));
    const rows: (string | number)[][] = [];
    for (let r = plan.firstDataRow; r <= plan.lastDataRow; r++) {
      const v = byRow.get(r);
      rows.push([v === undefined || v === null ? '' : typeof v === 'string' ? fitCellText(v) : column.kind === 'date' ? dayToExcelSerial(v, options.date1904) : v]);
    }
    for (const block of blocksOfRows(rows, MAX_WRITE_BYTES, bytesWithFormats)) {
      const range = rangeAt(sheet, plan.firstDataRow + block.start, column.col, block.rows.length, 1);
      // Reasons are rule labels and user text: '@' first, or "=…" would become a formula.
      const formats = textFormats(block.rows);
      range.numberFormat = column.kind === 'date' ? block.rows.map(([v], i) => [typeof v === 'number' ? 'yyyy-mm-dd' : formats[i][0]]) : formats;
      range.values = block.rows;
      await syncer.syncWrites();
    }
  }
  if (height > 0) {
    const left = Math.min(...plan.columns.map((c) => c.col));
    const right = Math.max(...plan.columns.map((c) => c.col));
    const own = rangeAt(sheet, plan.firstDataRow, left, height, right - left + 1);
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const)
      own.format.borders.getItem(edge).style = 'Continuous';
  }

  if (!existing) await staticFills(syncer, sheet, plan, disputes);

  if (planned && dropdown && dropdownTop && isOursOrNone(dropdown.dataValidation.type, dropdownTop.dataValidation, planned.list)) {
    dropdown.dataValidation.clear();
    dropdown.dataValidation.rule = { list: { inCellDropDown: true, source: planned.list.join(',') } };
    dropdown.dataValidation.errorAlert = { showAlert: true, style: 'Warning', title: planned.title, message: planned.error };
  }
  await syncer.syncWrites();
  return { notes };
}

/**
 * The add-in's dropdown goes where there is no validation, or where its own is (a longer ledger
 * leaves new rows without one: the column reads "Inconsistent", its top cell is ours). A user's
 * own validation — another list, a number rule — stays.
 */
function isOursOrNone(type: Excel.DataValidationType | string, top: Excel.DataValidation, list: string[]): boolean {
  if (type === 'None') return true;
  const ours = top.type === 'List' && typeof top.rule.list?.source === 'string' && top.rule.list.source.replace(/\s/g, '') === list.join(',');
  return ours && (type === 'List' || type === 'Inconsistent');
}

/**
 * The Excel table the ledger's header is in, if any. The add-in's columns go where the plan puts
 * them, right of everything used: right beside the table, Excel extends the table over them (as
 * it does for typed columns); with other columns between, they stay outside it.
 */
async function tableOverLedger(syncer: Syncer, tables: Excel.TableCollection, plan: WritePlan): Promise<{ name: string; besideIt: boolean } | null> {
  if (tables.items.length === 0) return null;
  const ranges = tables.items.map((t) => {
    const r = t.getRange();
    r.load('rowIndex,columnIndex,rowCount,columnCount');
    return { name: t.name, r };
  });
  await syncer.sync();
  const column = plan.headerStyleFrom.col;
  const hit = ranges.find(({ r }) => r.rowIndex <= plan.headerBottom && r.rowIndex + r.rowCount - 1 >= plan.headerTop && r.columnIndex <= column && r.columnIndex + r.columnCount - 1 >= column);
  if (!hit) return null;
  const firstOwn = Math.min(...plan.columns.map((c) => c.col));
  return { name: hit.name, besideIt: hit.r.columnIndex + hit.r.columnCount === firstOwn };
}

/**
 * Queues, for the next request, the deletion of the add-in's formats — recognised by the marker in
 * their formula, or by an earlier version's exact formulas — and the plan's formats. Ids are
 * positions: deleting from the last position up leaves the positions of those still to delete
 * unchanged.
 */
function queueConditionalFormats(sheet: Excel.Worksheet, plan: WritePlan, existing: Excel.ConditionalFormatCollection) {
  const legacy = new Set([...plan.overdueFormat.rules, ...plan.levelFormat.rules].map((r) => `=${r.formula}`));
  const ours = existing.items.filter((cf) => {
    if (cf.type !== 'Custom' || cf.customOrNullObject.isNullObject) return false;
    const formula = cf.customOrNullObject.rule.formula;
    return unmarkedFormula(formula) !== null || legacy.has(formula);
  });
  // The items come in position order: delete from the last one up.
  for (const cf of ours.reverse()) cf.delete();

  const add = (range: CellRange, rule: ConditionalFormatRule) => {
    const cf = sheet.getRange(rangeRef(range)).conditionalFormats.add(Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = markedFormula(rule.formula);
    const fill = rule.style === 'overdue' ? rule.fill : rule.style;
    if (fill) cf.custom.format.fill.color = rgbHex(LEVEL_FILLS[fill]);
    if (rule.style === 'overdue') {
      cf.custom.format.font.color = rgbHex(OVERDUE_FONT);
      cf.custom.format.font.bold = true;
    }
    if (rule.stopIfTrue) cf.stopIfTrue = true;
  };
  // Each new format goes on top of all others, so adding in reverse leaves, from the top: the
  // overdue mark, then the levels red first (a row whose manual cell names two levels shows the
  // more severe, as parseLevel reads it), then the user's own. No priority is set, so no object is
  // touched after its position changed.
  const rules = [...plan.overdueFormat.rules.map((r) => [plan.overdueFormat.range, r] as const), ...plan.levelFormat.rules.map((r) => [plan.levelFormat.range, r] as const)];
  for (const [range, rule] of rules.reverse()) add(range, rule);
}

/**
 * ExcelApi 1.1 (volume-licensed Office 2016): no conditional formats, so each run of consecutive
 * rows of one level is filled once — blocks of ranges, never row by row.
 */
async function staticFills(syncer: Syncer, sheet: Excel.Worksheet, plan: WritePlan, disputes: readonly TriagedDispute[]) {
  const { left, right } = plan.levelFormat.range;
  const runs: { top: number; height: number; level: Level }[] = [];
  for (const d of [...disputes].sort((a, b) => a.record.row - b.record.row)) {
    const row = d.record.row - 1;
    const last = runs[runs.length - 1];
    if (last && last.level === d.triage.effective && last.top + last.height === row) last.height++;
    else runs.push({ top: row, height: 1, level: d.triage.effective });
  }
  const PER_SYNC = 500;
  for (let i = 0; i < runs.length; i += PER_SYNC) {
    for (const run of runs.slice(i, i + PER_SYNC))
      rangeAt(sheet, run.top, left, run.height, right - left + 1).format.fill.color = rgbHex(LEVEL_FILLS[run.level]);
    await syncer.syncWrites();
  }
}
