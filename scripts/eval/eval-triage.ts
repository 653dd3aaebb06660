import { DEFAULT_PRESET, validatePreset } from '../../src/core';
import * as fs from 'fs';
import { corpusPart, formatReport, judge, readCorpus } from './corpus';

/**
 * `npm run eval:triage [-- --rules preset.json] [--quiet]`: judges the triage corpus with the
 * default preset (or a county's) and prints the confusion table, red recall and precision, and
 * every line it gets wrong. The held-out file, written by another hand and never used to tune the
 * word lists, is reported on its own.
 */
function main() {
  const args = process.argv.slice(2);
  const rulesAt = args.indexOf('--rules');
  const preset = rulesAt >= 0 ? validatePreset(JSON.parse(fs.readFileSync(args[rulesAt + 1], 'utf8'))) : DEFAULT_PRESET;
  const quiet = args.includes('--quiet');
  const development = judge(readCorpus(undefined, (name) => corpusPart(name) === 'corpus'), preset);
  console.log(formatReport('Corpus (test/triage-corpus, without heldout*.tsv and aside-*.tsv)', development, !quiet));
  const aside = judge(readCorpus(undefined, (name) => corpusPart(name) === 'aside'), preset);
  if (aside.length) console.log('\n' + formatReport('Kept aside (test/triage-corpus/aside-*.tsv: held to red recall only)', aside, !quiet));
  const heldOut = judge(readCorpus(undefined, (name) => corpusPart(name) === 'heldout'), preset);
  if (heldOut.length) console.log('\n' + formatReport('Held out (test/triage-corpus/heldout*.tsv)', heldOut, args.includes('--show-heldout')));
}

main();
