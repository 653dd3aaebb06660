/// <reference types="office-js" />
/**
 * The ribbon's ExecuteFunction commands (commands.html, the manifest's FunctionFile). Each button
 * runs one host call and shows what happened in a small dialog; all the work is the host's.
 */
import type { SummaryOptions } from '../addin/host';
import { defaultPeriod, formatDay, localDay } from '../core';
import { dueListDone, summaryDone, triageDone } from './messages';
import { registerCommand } from './register';

export { COMMAND_NAMES } from './names';

registerCommand('triageAndColour', async ({ host, language }) => triageDone(await host.triage(), language));

registerCommand('writeDueList', async ({ host, language }) => dueListDone(await host.writeDueList(), language));

registerCommand('writeMeetingSummary', async ({ host, language, now }) => {
  // From the ribbon there is nothing to choose: the monthly meeting, this month up to today,
  // masked unless the user turned masking off in the pane (saved in the workbook).
  const settings = await host.loadSettings();
  const options: SummaryOptions = { ...monthToDate(now), mask: settings.mask !== false };
  return summaryDone(await host.writeSummary(options), options, language);
});

/** The core's default meeting period (the first of `now`'s month to `now`, in the user's time zone), as YYYY-MM-DD. */
export function monthToDate(now: Date): { from: string; to: string } {
  const period = defaultPeriod(localDay(now));
  return { from: formatDay(period.from), to: formatDay(period.to) };
}

// The function file must initialise Office.js before Office will call into it.
if (typeof Office !== 'undefined') void Office.onReady();
