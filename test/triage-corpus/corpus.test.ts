import { DEFAULT_PRESET, compilePreset } from '../../src/core';
import { corpusPart, formatReport, isHardNegative, judge, readCorpus, score, type CorpusLine } from '../../scripts/eval/corpus';

/**
 * The triage corpus: ledger lines as staff write them, each with the colour a station chief gives
 * under domain.md (README.md beside this file says where they come from). The default preset must
 * keep reading them right; `npm run eval:triage` prints the same figures and every line it misses.
 */
const all = readCorpus();
const corpus = all.filter((l) => corpusPart(l.file) === 'corpus');
const heldOut = all.filter((l) => corpusPart(l.file) === 'heldout');
const aside = all.filter((l) => corpusPart(l.file) === 'aside');
const compiled = compilePreset(DEFAULT_PRESET);

describe('the triage corpus', () => {
  it('holds at least 400 lines, every red and yellow class, and at least 80 hard negatives', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(400);
    const categories = (colour: string) => new Set(corpus.filter((l) => l.expected === colour).map((l) => l.category));
    expect([...categories('red')].sort()).toEqual(
      ['cross-region', 'escalated-petition', 'extreme', 'family-violence', 'group', 'injury', 'key-person', 'repeat-failure', 'self-harm', 'threat', 'weapon'],
    );
    expect([...categories('yellow')].sort()).toEqual(['amount', 'family-violence-minor', 'headcount', 'overdue-in-text', 'petition', 'physical-conflict', 'repeat-minor', 'sensitive-type']);
    expect(corpus.filter(isHardNegative).length).toBeGreaterThanOrEqual(80);
  });

  it('names every line once: ids are unique across files and no text is there twice', () => {
    const ids = all.map((l) => l.id);
    expect(ids.length - new Set(ids).size).toBe(0);
    const texts = new Map<string, CorpusLine>();
    const twice = all.filter((l) => texts.has(l.text) || !texts.set(l.text, l));
    expect(twice.map((l) => `${l.file} ${l.id}`)).toEqual([]);
  });

  it('cites a source for every line (a published case, or "composed")', () => {
    expect(all.filter((l) => !l.source.trim()).map((l) => l.id)).toEqual([]);
  });
});

describe('the default preset on the corpus', () => {
  const judged = judge(corpus, compiled);
  const s = score(judged);
  const report = formatReport('corpus', judged);

  it('finds at least 97% of the reds', () => {
    expect({ redRecall: s.redRecall, report }).toEqual({ redRecall: expect.toBeAtLeast(0.97), report });
  });
  it('is right at least 92% of the time it says red', () => {
    expect({ redPrecision: s.redPrecision, report }).toEqual({ redPrecision: expect.toBeAtLeast(0.92), report });
  });
  it('gives the right colour to at least 92% of all lines', () => {
    expect({ overall: s.overall, report }).toEqual({ overall: expect.toBeAtLeast(0.92), report });
  });
  it('leaves at least 95% of the hard negatives green', () => {
    expect({ hardNegativesGreen: s.hardNegativesGreen, report }).toEqual({ hardNegativesGreen: expect.toBeAtLeast(0.95), report });
  });
});

// The held-out file was written by another hand and never used to tune the word lists; it stands
// for "ledger lines the project has never seen" (red recall at least 95%, precision at least 90%).
(heldOut.length ? describe : describe.skip)('the default preset on the held-out lines (skipped: no heldout*.tsv)', () => {
  const judged = judge(heldOut, compiled);
  const s = score(judged);
  const report = formatReport('held out', judged);
  it('finds at least 95% of the reds and is right at least 90% of the time it says red', () => {
    expect({ redRecall: s.redRecall, redPrecision: s.redPrecision, report }).toEqual({
      redRecall: expect.toBeAtLeast(0.95),
      redPrecision: expect.toBeAtLeast(0.9),
      report,
    });
  });
});

// A set kept aside (aside-*.tsv, README.md beside this file says why) holds false positives of a
// kind the preset does not read yet; it is held to the red-recall floor, which comes first.
(aside.length ? describe : describe.skip)('the default preset on the lines kept aside (skipped: no aside-*.tsv)', () => {
  const judged = judge(aside, compiled);
  const s = score(judged);
  const report = formatReport('aside', judged);
  it('finds at least 97% of the reds', () => {
    expect({ redRecall: s.redRecall, report }).toEqual({ redRecall: expect.toBeAtLeast(0.97), report });
  });
});

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Expect {
      toBeAtLeast(floor: number): unknown;
    }
    interface Matchers<R> {
      toBeAtLeast(floor: number): R;
    }
  }
}

expect.extend({
  /** As an asymmetric matcher, so a failure prints the report (every line the preset gets wrong) beside the figure. */
  toBeAtLeast(received: number, floor: number) {
    return { pass: received >= floor, message: () => `${(received * 100).toFixed(1)}% is below ${(floor * 100).toFixed(0)}%` };
  },
});
