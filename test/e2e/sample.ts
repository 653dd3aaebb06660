/**
 * The sample ledger (assets/sample-ledger.xlsx) both pages open, and what one-click triage of it
 * as of 2026-11-30 gives — what `npm run demo` prints for the same day.
 */
import * as path from 'path';
import { ROOT } from './browser';

export const SAMPLE = path.join(ROOT, 'assets', 'sample-ledger.xlsx');

/** The triage of the sample as a page shows it: 300 disputes, 红 14 黄 28 绿 258, 2 due, 125 overdue, 3 unreadable rows. */
export function expectSampleTriage(text: string): void {
  expect(text).toContain('共 300 件纠纷');
  expect(text).toMatch(/红 14\s*黄 28\s*绿 258/);
  expect(text).toMatch(/今日到期回访\s*2 件/);
  expect(text).toMatch(/回访已逾期\s*125 件/);
  expect(text).toMatch(/无法读取的行\s*3 行/);
}
