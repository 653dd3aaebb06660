import * as fs from 'fs';
import * as path from 'path';
import { compilePreset, settleStatedStatus, statusStatedIn, triageRecord, type CompiledPreset, type DisputeRecord, type Level, type TriagePreset } from '../../src/core';
import { record } from '../../src/core/ledger/fixtures';

/**
 * The triage corpus (test/triage-corpus/*.tsv): ledger lines as staff write them, each with the
 * colour a station chief gives under domain.md. Shared by `npm run eval:triage` and the tests.
 */
export const CORPUS_DIR = [path.join(__dirname, '..', '..'), path.join(__dirname, '..', '..', '..')]
  .map((root) => path.join(root, 'test', 'triage-corpus'))
  .find((dir) => fs.existsSync(dir))!; // from the sources (jest) or from build/ (npm run eval:triage)

export interface CorpusLine {
  file: string;
  id: string;
  expected: Level;
  category: string;
  text: string;
  note: string;
  source: string;
}

const HEADER = 'id\tcolour\tcategory\ttext\tnote\tsource';
const LEVEL_OF: Record<string, Level> = { red: 'red', yellow: 'yellow', green: 'green' };

/** Reads one corpus file; a malformed line is an error naming the file and line. */
export function readCorpusFile(file: string): CorpusLine[] {
  const lines = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0] !== HEADER) throw new Error(`${file}: the first line must be the header "${HEADER.replace(/\t/g, '⇥')}"`);
  const out: CorpusLine[] = [];
  lines.slice(1).forEach((line, i) => {
    if (!line.trim()) return;
    const cells = line.split('\t');
    const expected = LEVEL_OF[cells[1]];
    if (cells.length !== 6 || !expected || !cells[3]) throw new Error(`${file}:${i + 2}: expected 6 tab-separated fields with a colour red, yellow or green`);
    out.push({ file: path.basename(file), id: cells[0], expected, category: cells[2], text: cells[3], note: cells[4], source: cells[5] });
  });
  return out;
}

/**
 * Which part of the corpus a file is: `heldout*.tsv` never read while tuning (floors for unseen
 * lines), `aside-*.tsv` kept aside (held to red recall only; README.md beside the corpus says why),
 * and every other file the corpus proper.
 */
export function corpusPart(file: string): 'corpus' | 'heldout' | 'aside' {
  return file.startsWith('heldout') ? 'heldout' : file.startsWith('aside') ? 'aside' : 'corpus';
}

/** Every corpus file in the folder, or only those `include` names. */
export function readCorpus(dir = CORPUS_DIR, include?: (name: string) => boolean): CorpusLine[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.tsv') && (!include || include(name)))
    .sort()
    .flatMap((name) => readCorpusFile(path.join(dir, name)));
}

/** The as-of date does not matter: every line is registered that day, so nothing is overdue. */
const AS_OF = 20000;

/**
 * A ledger line as the reader would give it: the text in 简要情况, no status or count columns, so
 * an open dispute unless its last clause states a status ("…，纠纷已化解"; ledger/read.ts), which
 * counts only when no red rule fires (settleStatedStatus).
 */
export function recordOf(text: string, row = 1): DisputeRecord {
  const stated = statusStatedIn(text);
  return record({ row, text: { description: text }, registered: AS_OF, key: `corpus:${row}`, ...(stated ? { statedStatus: stated } : {}) });
}

export interface Judged extends CorpusLine {
  got: Level;
  reasons: string;
}

export function judge(lines: CorpusLine[], preset: TriagePreset | CompiledPreset): Judged[] {
  const compiled = 'scanner' in preset ? preset : compilePreset(preset);
  return lines.map((line, i) => {
    const dispute = recordOf(line.text, i + 1);
    settleStatedStatus(compiled, dispute, AS_OF);
    const result = triageRecord(compiled, dispute, AS_OF);
    return { ...line, got: result.suggested, reasons: result.reasons.map((r) => r.text).join('；') };
  });
}

const LEVELS: Level[] = ['red', 'yellow', 'green'];

export interface Scores {
  total: number;
  /** confusion[expected][got] */
  confusion: Record<Level, Record<Level, number>>;
  redRecall: number;
  redPrecision: number;
  overall: number;
  /** Share of hard negatives (green lines written to look like signals) judged green. */
  hardNegativesGreen: number;
  hardNegatives: number;
}

/** Categories of green lines that look like signals and are not (the corpus's hard negatives). */
const HARD_NEGATIVE = new Set(['goods', 'idiom', 'negation', 'category-word', 'number', 'accident', 'resolved', 'hard-negative']);
// staff-10 sorts its hard negatives by kind (hard-negative-idiom, …); word-hunt.tsv calls them trap-….
export const isHardNegative = (line: CorpusLine) =>
  line.expected === 'green' && (HARD_NEGATIVE.has(line.category) || line.category.startsWith('hard-negative-') || line.category.startsWith('trap-'));

export function score(judged: Judged[]): Scores {
  const confusion = Object.fromEntries(LEVELS.map((e) => [e, Object.fromEntries(LEVELS.map((g) => [g, 0]))])) as Scores['confusion'];
  for (const j of judged) confusion[j.expected][j.got]++;
  const redTrue = confusion.red.red;
  const redExpected = LEVELS.reduce((n, g) => n + confusion.red[g], 0);
  const redGot = LEVELS.reduce((n, e) => n + confusion[e].red, 0);
  const hard = judged.filter(isHardNegative);
  return {
    total: judged.length,
    confusion,
    redRecall: redExpected ? redTrue / redExpected : 1,
    redPrecision: redGot ? redTrue / redGot : 1,
    overall: judged.length ? judged.filter((j) => j.got === j.expected).length / judged.length : 1,
    hardNegativesGreen: hard.length ? hard.filter((j) => j.got === 'green').length / hard.length : 1,
    hardNegatives: hard.length,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ZH: Record<Level, string> = { red: '红', yellow: '黄', green: '绿' };

/** The report `npm run eval:triage` prints. */
export function formatReport(title: string, judged: Judged[], showMistakes = true): string {
  const s = score(judged);
  const out: string[] = [];
  out.push(`${title}: ${s.total} lines`);
  out.push('  expected \\ got    红     黄     绿');
  for (const e of LEVELS) out.push(`  ${ZH[e]}            ${LEVELS.map((g) => String(s.confusion[e][g]).padStart(5)).join('  ')}`);
  out.push(`  red recall ${pct(s.redRecall)}   red precision ${pct(s.redPrecision)}   overall ${pct(s.overall)}   hard negatives green ${pct(s.hardNegativesGreen)} of ${s.hardNegatives}`);
  if (showMistakes) {
    const wrong = judged.filter((j) => j.got !== j.expected);
    if (wrong.length) out.push(`  wrong (${wrong.length}):`);
    for (const w of wrong) out.push(`    ${w.id} [${w.category}] expected ${ZH[w.expected]} got ${ZH[w.got]}: ${w.text}\n        ${w.reasons || '（无）'}`);
  }
  return out.join('\n');
}
