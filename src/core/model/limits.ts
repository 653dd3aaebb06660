/**
 * How far down a sheet a ledger's header may start: title and 填报 lines never take more. Read by
 * detection and said in the messages for a ledger not found, so the two cannot disagree.
 */
export const HEADER_SEARCH_ROWS = 40;
