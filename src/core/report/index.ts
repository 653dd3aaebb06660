export type { ReportStyle, ReportCell, ReportSheet, ReportChart, ReportChartSeries } from './types';
