export type { ReportStyle, ReportCell, ReportSheet } from './types';
