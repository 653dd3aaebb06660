/**
 * The sample ledger (assets/sample-ledger.xlsx) both pages open, and what one-click triage of it
 * as of 2026-11-30 gives — what `npm run demo` prints for the same day.
 */
import * as path from 'path';
import { ROOT } from './browser';

export const SAMPLE = path.join(ROOT, 'assets', 'sample-ledger.xlsx');

/**
 * The triage of the sample as a page shows it: 300 disputes, 红 15 黄 27 绿 258, 2 due, 126 overdue, 3
 * unreadable rows. Row 292 (“女方称长期遭受家暴”) is one of the 15: repeated domestic violence is red
 * under domain.md, and its red cadence makes it the 126th overdue revisit.
 */
export function expectSampleTriage(text: string): void {
  expect(text).toContain('共 300 件纠纷');
  expect(text).toMatch(/红 15\s*黄 27\s*绿 258/);
  expect(text).toMatch(/今日到期回访\s*2 件/);
  expect(text).toMatch(/回访已逾期\s*126 件/);
  expect(text).toMatch(/无法读取的行\s*3 行/);
}
