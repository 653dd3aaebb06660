import { absoluteRef, cellLabel, fitCellText, cellsInRange, dayToExcelSerial, reportRows, type CellRange, type ReportCell, type ReportChart, type ReportChartSeries, type ReportSheet } from '../../core';
import { escapeText, escapeXml } from './xml';

/**
 * DrawingML for a report sheet's native charts: one drawing part anchoring every chart to its
 * cells, and one chart part per chart. Each series names its cells (LibreOffice draws from them)
 * and carries their values as a cache (Excel and WPS draw from the cache until they recalculate),
 * so all three show the same picture as the table beside it.
 */

const CHART_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const SPREADSHEET_DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** Axis ids only need to be unique within one chart part. */
const CATEGORY_AXIS = 100001;
const VALUE_AXIS = 100002;

/**
 * The drawing part: one twoCellAnchor per chart over its anchor cells (moved and sized with them,
 * Excel's default), its graphic frame naming the chart part by relationship `chartRids[i]`. The
 * frame's xfrm is required but unused: the anchor decides where the chart is and how big.
 */
export function drawingXml(charts: readonly ReportChart[], chartRids: readonly string[]): string {
  const anchors = charts.map((chart, i) => {
    const { top, left, bottom, right } = chart.anchor;
    const marker = (col: number, row: number) =>
      `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    return (
      `<xdr:twoCellAnchor>` +
      `<xdr:from>${marker(left, top)}</xdr:from><xdr:to>${marker(right + 1, bottom + 1)}</xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${RELATIONSHIPS_NS}" r:id="${chartRids[i]}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${SPREADSHEET_DRAWING_NS}" xmlns:a="${DRAWING_NS}">${anchors.join('')}</xdr:wsDr>`
  );
}

/** A chart part for `chart`, whose ranges are cells of `sheet`, written under the name `sheetName`. */
export function chartXml(chart: ReportChart, sheet: ReportSheet, sheetName: string, date1904: boolean): string {
  const series = chart.series.map((s, i) => seriesXml(chart, s, i, sheet, sheetName, date1904)).join('');
  // Data labels show each count on its column or slice: a printed meeting handout has no tooltips.
  const labels =
    '<c:dLbls><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>' +
    '<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>';
  const axisIds = `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/>`;
  let plot: string;
  switch (chart.kind) {
    case 'pie':
      plot = `<c:pieChart><c:varyColors val="1"/>${series}${labels}<c:firstSliceAng val="0"/></c:pieChart>`;
      break;
    case 'line':
      plot = `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}${labels}<c:marker val="1"/>${axisIds}</c:lineChart>${axesXml(chart)}`;
      break;
    default:
      plot =
        `<c:barChart><c:barDir val="${chart.kind === 'bar' ? 'bar' : 'col'}"/><c:grouping val="${chart.stacked ? 'stacked' : 'clustered'}"/>` +
        `<c:varyColors val="0"/>${series}${labels}<c:gapWidth val="80"/>${chart.stacked ? '<c:overlap val="100"/>' : ''}${axisIds}</c:barChart>` +
        axesXml(chart);
  }
  // A pie's legend names the slices; one series of columns needs none beyond the title, but a
  // legend still tells several series apart, so every chart has one, below the plot.
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWING_NS}" xmlns:r="${RELATIONSHIPS_NS}">` +
    `<c:date1904 val="${date1904 ? 1 : 0}"/><c:roundedCorners val="0"/>` +
    `<c:chart>${titleXml(chart.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    // No typeface anywhere: Excel, WPS and LibreOffice each pick their own font for the script.
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

function titleXml(title: string): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="1400" b="1"/><a:t>${escapeText(title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

function solidFill(rgb: string): string {
  return `<a:solidFill><a:srgbClr val="${rgb.toUpperCase()}"/></a:solidFill>`;
}

/** CT_BarSer, CT_PieSer or CT_LineSer: their children share an order, with a few kind-specific ones. */
function seriesXml(chart: ReportChart, s: ReportChartSeries, i: number, sheet: ReportSheet, sheetName: string, date1904: boolean): string {
  const line = chart.kind === 'line';
  const bar = chart.kind === 'column' || chart.kind === 'bar';
  const shape = (rgb: string) => (line ? `<c:spPr><a:ln w="28575" cap="rnd">${solidFill(rgb)}<a:round/></a:ln></c:spPr>` : `<c:spPr>${solidFill(rgb)}</c:spPr>`);
  const spPr = s.color ? shape(s.color) : '';
  const marker = line
    ? `<c:marker><c:symbol val="circle"/><c:size val="6"/>${s.color ? `<c:spPr>${solidFill(s.color)}</c:spPr>` : ''}</c:marker>`
    : '';
  const points = (s.pointColors ?? [])
    .map((rgb, idx) => `<c:dPt><c:idx val="${idx}"/>${bar ? '<c:invertIfNegative val="0"/>' : ''}<c:bubble3D val="0"/>${shape(rgb)}</c:dPt>`)
    .join('');
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>${spPr}` +
    (bar ? '<c:invertIfNegative val="0"/>' : '') +
    marker +
    points +
    `<c:cat>${categoriesXml(chart.categories, sheet, sheetName)}</c:cat>` +
    `<c:val>${valuesXml(s.values, sheet, sheetName, date1904)}</c:val>` +
    (line ? '<c:smooth val="0"/>' : '') +
    `</c:ser>`
  );
}

/** The cells of a chart's range, without making the rows of the lists below it. */
function rangeCells(sheet: ReportSheet, range: CellRange): (ReportCell | undefined)[] {
  const rows = reportRows(sheet);
  const inRange: ReportCell[][] = [];
  for (let r = range.top; r <= range.bottom; r++) inRange[r] = rows.at(r).cells;
  return cellsInRange(inRange, range);
}

function categoriesXml(range: CellRange, sheet: ReportSheet, sheetName: string): string {
  const cells = rangeCells(sheet, range);
  const pts = cells
    .map((cell, idx) => {
      const text = cellLabel(cell);
      return text === '' ? '' : `<c:pt idx="${idx}"><c:v>${escapeText(fitCellText(text))}</c:v></c:pt>`;
    })
    .join('');
  return `<c:strRef><c:f>${escapeText(absoluteRef(sheetName, range))}</c:f><c:strCache><c:ptCount val="${cells.length}"/>${pts}</c:strCache></c:strRef>`;
}

function valuesXml(range: CellRange, sheet: ReportSheet, sheetName: string, date1904: boolean): string {
  const cells = rangeCells(sheet, range);
  const percent = cells.some((c) => c?.style === 'percent');
  // A cell that holds no number is left out of the cache: a gap, as the sheet shows it.
  const pts = cells
    .map((cell, idx) => (typeof cell?.value === 'number' ? `<c:pt idx="${idx}"><c:v>${numberOf(cell, date1904)}</c:v></c:pt>` : ''))
    .join('');
  return (
    `<c:numRef><c:f>${escapeText(absoluteRef(sheetName, range))}</c:f>` +
    `<c:numCache><c:formatCode>${percent ? '0.0%' : 'General'}</c:formatCode><c:ptCount val="${cells.length}"/>${pts}</c:numCache></c:numRef>`
  );
}

/** The number a cell holds in the sheet: a date cell holds its serial, as the report writer writes it. */
function numberOf(cell: ReportCell, date1904: boolean): number {
  const value = cell.value as number;
  return cell.style === 'date' ? dayToExcelSerial(value, date1904) : value;
}


function axesXml(chart: ReportChart): string {
  // Horizontal bars put the categories on the left, columns and lines at the bottom. Bars are
  // drawn bottom-up by default, the table's last row on top; reversed, they read as the table
  // does, and the value axis then crosses at the last category to stay at the bottom.
  const bar = chart.kind === 'bar';
  return (
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="${bar ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${bar ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${bar ? 'b' : 'l'}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="${bar ? 'max' : 'autoZero'}"/>` +
    `<c:crossBetween val="between"/></c:valAx>`
  );
}
