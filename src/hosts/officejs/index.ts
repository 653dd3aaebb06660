export { createOfficeAddinHost, capabilitiesNow } from './office-host';
export type { OfficeHostOptions } from './office-host';
export { MAX_WRITE_BYTES, MAX_READ_CELLS, READ_BUDGET_BYTES, FIRST_GUESS_BYTES_PER_CELL, MERGE_ROWS } from './blocks';
