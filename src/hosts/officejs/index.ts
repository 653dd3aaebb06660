export { createOfficeAddinHost, capabilitiesNow } from './office-host';
export type { OfficeHostOptions } from './office-host';
export { SyncTimeoutError } from './sync';
export { MAX_WRITE_BYTES, MAX_READ_CELLS } from './blocks';
