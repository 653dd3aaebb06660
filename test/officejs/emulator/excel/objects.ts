/** The server objects of the Excel object model: one class for each Excel class the emulator serves, by Excel's name. */
import { Rect } from '../address';
import { FakeChart, FakeChartSeries, FakeConditionalFormat, FakeName, FakeSheet, FakeTable } from '../fake-workbook';
import { ServerObject } from '../rich-api';

export class WorkbookObj implements ServerObject {
  readonly type = 'Workbook';
}
export class WorksheetCollectionObj implements ServerObject {
  readonly type = 'WorksheetCollection';
}
export class WorksheetObj implements ServerObject {
  readonly type = 'Worksheet';
  constructor(readonly sheet: FakeSheet) {}
}
export class RangeObj implements ServerObject {
  readonly type = 'Range';
  constructor(
    readonly sheet: FakeSheet,
    readonly rect: Rect,
  ) {}
}
export class RangeAreasObj implements ServerObject {
  readonly type = 'RangeAreas';
  constructor(
    readonly sheet: FakeSheet,
    readonly rects: Rect[],
  ) {}
}
export class RangeCollectionObj implements ServerObject {
  readonly type = 'RangeCollection';
  constructor(
    readonly sheet: FakeSheet,
    readonly rects: Rect[],
  ) {}
}
export class RangePartObj implements ServerObject {
  constructor(
    readonly type: 'RangeFormat' | 'RangeFill' | 'RangeFont' | 'RangeBorderCollection' | 'DataValidation' | 'ConditionalFormatCollection',
    readonly range: RangeObj,
  ) {}
}
export class RangeBorderObj implements ServerObject {
  readonly type = 'RangeBorder';
  constructor(
    readonly range: RangeObj,
    readonly side: string,
  ) {}
}
export class SheetPartObj implements ServerObject {
  constructor(
    readonly type: 'WorksheetFreezePanes' | 'PageLayout',
    readonly sheet: FakeSheet,
  ) {}
}
export class ConditionalFormatObj implements ServerObject {
  constructor(
    readonly type: 'ConditionalFormat' | 'CustomConditionalFormat' | 'ConditionalFormatRule' | 'ConditionalRangeFormat' | 'ConditionalRangeFill' | 'ConditionalRangeFont',
    readonly sheet: FakeSheet,
    readonly cf: FakeConditionalFormat,
    /** The cells of the collection it was reached through: its id is its position there. */
    readonly scope?: Rect,
  ) {}
}
export class TableObj implements ServerObject {
  readonly type = 'Table';
  constructor(
    readonly sheet: FakeSheet,
    readonly table: FakeTable,
  ) {}
}
export class TableCollectionObj implements ServerObject {
  readonly type = 'TableCollection';
  /** null: the workbook's tables. */
  constructor(readonly sheet: FakeSheet | null) {}
}
export class WorksheetProtectionObj implements ServerObject {
  readonly type = 'WorksheetProtection';
  constructor(readonly sheet: FakeSheet) {}
}
export class FunctionsObj implements ServerObject {
  readonly type = 'Functions';
}
export class FunctionResultObj implements ServerObject {
  readonly type = 'FunctionResult';
  constructor(readonly value: number) {}
}
export class ApplicationObj implements ServerObject {
  readonly type = 'Application';
}
export class NamedItemCollectionObj implements ServerObject {
  readonly type = 'NamedItemCollection';
}
export class NamedItemObj implements ServerObject {
  readonly type = 'NamedItem';
  constructor(readonly item: FakeName) {}
}
export class ChartCollectionObj implements ServerObject {
  readonly type = 'ChartCollection';
  constructor(readonly sheet: FakeSheet) {}
}
export class ChartObj implements ServerObject {
  constructor(
    readonly type: 'Chart' | 'ChartTitle' | 'ChartSeriesCollection' | 'ChartAxes' | 'ChartAxis',
    readonly sheet: FakeSheet,
    readonly chart: FakeChart,
  ) {}
}
export class ChartSeriesObj implements ServerObject {
  constructor(
    readonly type: 'ChartSeries' | 'ChartSeriesFormat' | 'ChartPointsCollection',
    readonly sheet: FakeSheet,
    readonly chart: FakeChart,
    readonly series: FakeChartSeries,
  ) {}
}
export class ChartPointObj implements ServerObject {
  constructor(
    readonly type: 'ChartPoint' | 'ChartPointFormat',
    readonly sheet: FakeSheet,
    readonly chart: FakeChart,
    readonly series: FakeChartSeries,
    readonly index: number,
  ) {}
}
/** The fill of a series (point null) or of one of its points. */
export class ChartFillObj implements ServerObject {
  readonly type = 'ChartFill';
  constructor(
    readonly sheet: FakeSheet,
    readonly chart: FakeChart,
    readonly series: FakeChartSeries,
    readonly point: number | null,
  ) {}
}
export class PageBreakCollectionObj implements ServerObject {
  readonly type = 'PageBreakCollection';
  constructor(
    readonly sheet: FakeSheet,
    readonly along: 'rowBreaks' | 'columnBreaks',
  ) {}
}
export class PageBreakObj implements ServerObject {
  readonly type = 'PageBreak';
  constructor(
    readonly sheet: FakeSheet,
    readonly along: 'rowBreaks' | 'columnBreaks',
    readonly at: number,
  ) {}
}
