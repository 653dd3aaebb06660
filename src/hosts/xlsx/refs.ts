/**
 * Excel's grid as counts, and the core's A1 helpers (src/core/cells/addresses.ts), under the names
 * the hosts have used; no address is parsed here.
 */
import { MAX_COLUMN, MAX_ROW } from '../../core';

/** Excel's grid (ECMA-376 Part 1, 18.3.1.73 and 18.3.1.4; Excel's specifications and limits): 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROWS = MAX_ROW + 1;
export const MAX_COLS = MAX_COLUMN + 1;

export { absoluteRef, cellAddress, columnIndex, columnLetter, parseCellAddress, parseRangeRef, rangeRef, sheetRef } from '../../core';
