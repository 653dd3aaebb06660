/// <reference types="office-js" />
import { dayToExcelSerial, type CellRange, type ConditionalFormatRule, type Level, type TriagedDispute, type WritePlan } from '../../core';
import { LEVEL_FILLS } from '../xlsx/report-writer';
import { rangeRef } from '../xlsx/refs';
import { blocksOfRows } from './blocks';
import { rangeAt } from './ranges';
import type { Syncer } from './sync';

/** The add-in's conditional formats on a sheet, remembered (in the settings) so a re-run removes exactly them. */
export interface OwnFormats {
  sheet: string;
  ids: string[];
}

export interface LedgerWriteOptions {
  date1904: boolean;
  /** ExcelApi 1.6: conditional formats; without it rows get static fills written in blocks. */
  conditionalFormats: boolean;
  /** ExcelApi 1.8: data validation for the 红/黄/绿 dropdown. */
  dataValidation: boolean;
  /** ExcelApi 1.2: column widths and merging. */
  columnWidths: boolean;
  merge: boolean;
  previousFormats: OwnFormats | null;
}

const HEX = (argb: string) => `#${argb.slice(2)}`;
const OVERDUE_FONT = '#C00000';
/** Excel measures column widths in points; one character of the default font is about 6 points. */
const POINTS_PER_CHAR = 6;

/**
 * Applies the plan to the ledger sheet through Office.js: own header cells and values (in blocks
 * under the request limit), widths, and the colours — conditional formats re-created (removed by id,
 * then added: editing or reading rules back is unreliable, office-js#4898 and #6827), or static
 * fills in blocks where the client has no conditional formats. Returns the new formats' ids.
 */
export async function writeLedger(
  context: Excel.RequestContext,
  syncer: Syncer,
  plan: WritePlan,
  disputes: readonly TriagedDispute[],
  options: LedgerWriteOptions,
): Promise<OwnFormats | null> {
  const sheet = context.workbook.worksheets.getItem(plan.sheet);
  // The add-in's header cells take the look of the user's last header cell (read once, any ExcelApi).
  const header = sheet.getCell(plan.headerStyleFrom.row, plan.headerStyleFrom.col);
  header.format.load('horizontalAlignment,wrapText');
  header.format.fill.load('color');
  header.format.font.load('bold,color,size,name');
  await syncer.sync();
  for (const column of plan.columns) {
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
    if (options.merge && plan.headerBottom > plan.headerTop) rangeAt(sheet, plan.headerTop, column.col, plan.headerBottom - plan.headerTop + 1, 1).merge();
  }

  // One rectangle per column, every row from the first to the last data row ('' where no dispute).
  const height = plan.lastDataRow - plan.firstDataRow + 1;
  for (const column of plan.columns) {
    if (column.cells.length === 0) continue;
    const byRow = new Map(column.cells.map((c) => [c.row, c.value]));
    const rows: (string | number)[][] = [];
    for (let r = plan.firstDataRow; r <= plan.lastDataRow; r++) {
      const v = byRow.get(r);
      rows.push([v === undefined || v === null ? '' : column.kind === 'date' && typeof v === 'number' ? dayToExcelSerial(v, options.date1904) : v]);
    }
    for (const block of blocksOfRows(rows)) {
      const range = rangeAt(sheet, plan.firstDataRow + block.start, column.col, block.rows.length, 1);
      if (column.kind === 'date') range.numberFormat = block.rows.map(() => ['yyyy-mm-dd']);
      range.values = block.rows;
      await syncer.sync();
    }
  }
  if (height > 0) {
    const left = Math.min(...plan.columns.map((c) => c.col));
    const right = Math.max(...plan.columns.map((c) => c.col));
    const own = rangeAt(sheet, plan.firstDataRow, left, height, right - left + 1);
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const)
      own.format.borders.getItem(edge).style = 'Continuous';
  }

  let formats: OwnFormats | null = null;
  if (options.conditionalFormats) formats = await recreateConditionalFormats(syncer, sheet, plan, options.previousFormats);
  else await staticFills(syncer, sheet, plan, disputes);

  if (options.dataValidation && height > 0) {
    const range = rangeAt(sheet, plan.dropdown.range.top, plan.dropdown.range.left, height, 1);
    range.dataValidation.load('type');
    await syncer.sync();
    // A user's own validation on their level column stays; ours (a list) is simply set again.
    if (range.dataValidation.type === 'None' || range.dataValidation.type === 'List') {
      range.dataValidation.clear();
      range.dataValidation.rule = { list: { inCellDropDown: true, source: plan.dropdown.list.join(',') } };
      range.dataValidation.errorAlert = { showAlert: true, style: 'Warning', title: '三色台账', message: '请填写 红、黄 或 绿' };
    }
  }
  await syncer.sync();
  return formats;
}

async function recreateConditionalFormats(
  syncer: Syncer,
  sheet: Excel.Worksheet,
  plan: WritePlan,
  previous: OwnFormats | null,
): Promise<OwnFormats> {
  if (previous && previous.sheet === plan.sheet && previous.ids.length) {
    const all = sheet.getRange(rangeRef(plan.levelFormat.range)).conditionalFormats;
    const overdue = sheet.getRange(rangeRef(plan.overdueFormat.range)).conditionalFormats;
    all.load('items/id');
    overdue.load('items/id');
    await syncer.sync();
    const ours = new Set(previous.ids);
    // A format over both ranges is listed twice: delete each once.
    for (const cf of [...all.items, ...overdue.items])
      if (ours.delete(cf.id)) cf.delete();
  }
  const added: Excel.ConditionalFormat[] = [];
  const add = (range: CellRange, rule: ConditionalFormatRule) => {
    const cf = sheet.getRange(rangeRef(range)).conditionalFormats.add(Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = `=${rule.formula}`;
    const fill = rule.style === 'overdue' ? rule.fill : rule.style;
    if (fill) cf.custom.format.fill.color = HEX(LEVEL_FILLS[fill]);
    if (rule.style === 'overdue') {
      cf.custom.format.font.color = OVERDUE_FONT;
      cf.custom.format.font.bold = true;
    }
    if (rule.stopIfTrue) cf.stopIfTrue = true;
    cf.load('id');
    added.push(cf);
  };
  // The overdue mark first, then the levels (red first: a row whose manual cell names two levels
  // shows the more severe, as parseLevel reads it).
  for (const rule of plan.overdueFormat.rules) add(plan.overdueFormat.range, rule);
  for (const rule of plan.levelFormat.rules) add(plan.levelFormat.range, rule);
  // Priorities last, in the same request: Excel re-orders the others around each one set, and an
  // object is not touched again after its priority changed (Excel asks to re-fetch it). Setting
  // 0, 1, 2 … in turn puts ours on top in this order, above any format of the user's.
  added.forEach((cf, i) => (cf.priority = i));
  await syncer.sync();
  return { sheet: plan.sheet, ids: added.map((cf) => cf.id) };
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
      rangeAt(sheet, run.top, left, run.height, right - left + 1).format.fill.color = HEX(LEVEL_FILLS[run.level]);
    await syncer.sync();
  }
}

