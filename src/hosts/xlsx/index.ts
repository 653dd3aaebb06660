export { editWorkbook, processWorkbook, readLedgerWorkbook, readStateRows, withPackage, withWorkbook, writeReportPieces, writeReportWorkbook } from './workbook';
export type { ReadWorkbookOptions, Stage, WorkbookJobOptions, WorkbookJobResult } from './workbook';
export { readZip, readEntry, writeZip, isCompoundFile, inflateBounded, FFLATE_CODEC, DEFAULT_ZIP_LIMITS, ZipFormatError } from './zip';
export type { ByteFacts, CountedDeflate, DeflateCodec, DeflateOptions, InflatedAhead, LoadBytes, PartAhead, ZipEntry, ZipFailure, ZipLimits } from './zip';
export { byteFacts } from './package';
export { packageFailure } from './failures';
export type { PackageFailure } from './failures';
export { XmlFormatError } from './xml';
export { reuseBlock } from './utf8-blocks';
