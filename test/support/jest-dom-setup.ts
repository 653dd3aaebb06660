/**
 * Pages and panes in jsdom run the real engine (parsing, triage, zipping) in the test's own
 * thread, so on a loaded two-core CI machine an answer can take seconds to appear. Testing
 * Library's one-second default for findBy/waitFor then fails a correct page; a failing test
 * still fails, only later.
 */
if (typeof window !== 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { configure } = require('@testing-library/dom') as typeof import('@testing-library/dom');
  configure({ asyncUtilTimeout: 10_000 });
}
