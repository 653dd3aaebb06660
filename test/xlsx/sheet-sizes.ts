import { ASCII_SHEET_SIZES } from '../../src/hosts/xlsx/ascii-sheet';

/**
 * Runs `body` with ASCII_SHEET_SIZES changed (put back after, whatever happens): `minBytes: 0`
 * puts every ASCII worksheet part through the path a real run takes for sheets of 4 MB and more
 * (kept as bytes, inflated ahead, deflated behind).
 */
export function withSheetSizes<T>(sizes: Partial<typeof ASCII_SHEET_SIZES>, body: () => T): T {
  const saved = { ...ASCII_SHEET_SIZES };
  Object.assign(ASCII_SHEET_SIZES, sizes);
  try {
    return body();
  } finally {
    Object.assign(ASCII_SHEET_SIZES, saved);
  }
}
