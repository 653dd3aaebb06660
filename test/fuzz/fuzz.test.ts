/**
 * The fuzz suite (issue 10): seeded mutations of every fixture package, each run through
 * readLedgerWorkbook and processWorkbook in a worker thread with a time budget and a memory
 * ceiling. Every case must end with a WorkbookError whose message is in the catalogue and names
 * the file, or with values a reference parser (reference.ts) reads the same — never a hang, a
 * crash, a raw error (TypeError, RangeError …), or data that silently differs.
 *
 * FUZZ_SEED and FUZZ_CASES change the seed and the count (CI runs the fixed ones below).
 */
import * as fs from 'fs';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import { Worker } from 'worker_threads';
import { CATALOGUE, type CellValue } from '../../src/core';
import { readEntry, readLedgerWorkbook, readZip } from '../../src/hosts/xlsx';
import type { CaseRequest, CaseResult, Outcome } from './fuzz-worker';
import { OPERATORS, prng, type Fixture, type Mutant } from './mutations';
import { gridValues, referenceValues, ReferenceError_, sheetPart, wellFormed } from './reference';
import { REQUIRE_TYPESCRIPT } from '../support/ts-in-worker';
import { unzipSync } from 'fflate';

/** A whole number from the environment (decimal, or hex as 0x…), else the default; anything else stops the suite rather than run every case alike. */
function wholeNumber(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name}="${text}" is not a whole number (decimal, or hex written 0x…)`);
  return n;
}
const SEED = wholeNumber('FUZZ_SEED', 0x5eed1010);
const CASES = wholeNumber('FUZZ_CASES', 200);
/** Per case, all its runs (read and processed, whole, in pieces, and with the three codecs): the fixtures take well under a second; a case past this is a hang. */
const BUDGET_MS = 15000;
/** A worker past this heap is a case that would exhaust memory. */
const HEAP_MB = 1024;

const FIXTURES = path.resolve(__dirname, '../fixtures');

function loadFixtures(): Fixture[] {
  const files = [
    ...fs.readdirSync(FIXTURES).filter((f) => /\.xls[xm]$/.test(f)).map((f) => path.join(FIXTURES, f)),
    ...fs.readdirSync(path.join(FIXTURES, 'meeting')).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(FIXTURES, 'meeting', f)),
  ].sort();
  const fixtures: Fixture[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(fs.readFileSync(file));
    let sheet: string;
    try {
      sheet = readLedgerWorkbook(bytes, { fileName: path.basename(file), language: 'zh' }).sheet;
    } catch {
      continue; // encrypted.xlsx, corrupt.xlsx, not-a-ledger.xlsx: nothing to mutate into
    }
    const files = unzipSync(bytes);
    const part = sheetPart(files, sheet);
    const readParts = Object.keys(files).filter((n) => /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/sharedStrings\.xml|xl\/worksheets\/sheet\d+\.xml)$/.test(n));
    fixtures.push({ file: path.relative(FIXTURES, file), bytes, sheetPart: part, readParts });
  }
  return fixtures;
}

interface Case {
  index: number;
  fixture: Fixture;
  operator: string;
  mutant: Mutant;
}

function makeCases(fixtures: Fixture[]): Case[] {
  const rng = prng(SEED);
  const names = Object.keys(OPERATORS);
  return Array.from({ length: CASES }, (_, index) => {
    // Every operator and fixture in turn, the details from the seed: the suite covers all of them at any count.
    const operator = names[index % names.length];
    const fixture = fixtures[Math.floor(index / names.length) % fixtures.length];
    return { index, fixture, operator, mutant: OPERATORS[operator](rng, fixture) };
  });
}

/** Runs cases one at a time in a worker; a case over budget or over memory gets a fresh worker. */
class Runner {
  private worker: Worker | null = null;
  private start(): Worker {
    // The worker runs the TypeScript sources, compiled as they are required (no build step).
    const bootstrap = `${REQUIRE_TYPESCRIPT}
      require(${JSON.stringify(path.join(__dirname, 'fuzz-worker.ts'))});
    `;
    return new Worker(bootstrap, { eval: true, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
  }
  run(request: CaseRequest): Promise<CaseResult | { crash: string }> {
    const worker = (this.worker ??= this.start());
    return new Promise((resolve) => {
      const done = (result: CaseResult | { crash: string }) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(result);
      };
      const onMessage = (result: CaseResult) => done(result);
      const onError = (e: Error) => {
        this.worker = null;
        done({ crash: `worker died: ${e.message}` });
      };
      const onExit = (code: number) => {
        this.worker = null;
        done({ crash: `worker exited with ${code}` });
      };
      const timer = setTimeout(() => {
        this.worker = null;
        void worker.terminate();
        done({ crash: `no answer in ${BUDGET_MS} ms (a hang)` });
      }, BUDGET_MS);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(request);
    });
  }
  async close() {
    await this.worker?.terminate();
  }
}

/** What is wrong with an error outcome, or null when it is a proper refusal. */
function badRefusal(o: Outcome, fileName: string): string | null {
  if (o.kind === 'raw') return `raw ${o.name}: ${o.message}\n${o.stack.split('\n').slice(0, 6).join('\n')}`;
  if (!(o.code in CATALOGUE)) return `code ${o.code} is not in the catalogue`;
  if (/\{\w+\}|undefined|NaN/.test(o.message)) return `unfilled message: ${o.message}`;
  if (!/[\u4e00-\u9fff]/.test(o.message)) return `message not in Chinese: ${o.message}`;
  if (o.code.startsWith('file.') && !o.message.includes(`“${fileName}”`)) return `message does not name the file: ${o.message}`;
  return null;
}

const isOutcome = (x: unknown): x is Outcome => typeof x === 'object' && x !== null && 'kind' in x;

function differences(got: Map<string, CellValue>, want: Map<string, CellValue>): string[] {
  const out: string[] = [];
  for (const [k, v] of want) if (!Object.is(got.get(k), v) && got.get(k) !== v) out.push(`${k}: read ${JSON.stringify(got.get(k))}, reference ${JSON.stringify(v)}`);
  for (const [k, v] of got) if (!want.has(k)) out.push(`${k}: read ${JSON.stringify(v)}, reference has no value`);
  return out.slice(0, 5);
}

/** Whether a case read or processed in pieces ended as read whole: the same values, or file, or refusal. */
function sameEnd(whole: CaseResult['read'] | CaseResult['processed'], pieces: CaseResult['read'] | CaseResult['processed']): boolean {
  if (isOutcome(whole) || isOutcome(pieces)) return isOutcome(whole) && isOutcome(pieces) && summary(whole) === summary(pieces);
  if ('values' in whole && 'values' in pieces) return whole.sheet === pieces.sheet && isDeepStrictEqual(whole.values, pieces.values);
  return 'bytes' in whole && 'bytes' in pieces && Buffer.from(whole.bytes).equals(Buffer.from(pieces.bytes)) && isDeepStrictEqual(whole.writtenParts, pieces.writtenParts);
}

function summary(o: CaseResult['read'] | CaseResult['processed']): string {
  if (!isOutcome(o)) return 'values' in o ? `${o.values.length} rows read` : `${o.bytes.length} bytes written`;
  return o.kind === 'workbook' ? `${o.code}: ${o.message}` : `${o.name}: ${o.message}`;
}

/** Every problem with one case's result; empty when it ended well. */
function check(c: Case, result: CaseResult | { crash: string }, stats: Record<string, number>): string[] {
  if ('crash' in result) return [result.crash];
  const problems: string[] = [];
  const fileName = path.basename(c.fixture.file);
  const count = (key: string) => (stats[key] = (stats[key] ?? 0) + 1);
  if (result.ms > BUDGET_MS / 3) problems.push(`took ${result.ms} ms`);
  for (const [what, whole, pieces] of [
    ['read', result.read, result.inPieces.read],
    ['process', result.processed, result.inPieces.processed],
  ] as const)
    if (!sameEnd(whole, pieces)) problems.push(`${what}: in pieces ${summary(pieces)}, whole ${summary(whole)}`);
  for (const [what, node, late, threaded] of [
    ['read', result.ahead.node.read, result.ahead.late.read, result.ahead.threaded.read],
    ['process', result.ahead.node.processed, result.ahead.late.processed, result.ahead.threaded.processed],
  ] as const) {
    if (!sameEnd(node, threaded)) problems.push(`${what}: on the second thread ${summary(threaded)}, on the job's thread ${summary(node)}`);
    if (!sameEnd(node, late)) problems.push(`${what}: with the sheet deflated behind ${summary(late)}, at once ${summary(node)}`);
  }
  for (const [what, o] of [
    ['read', result.read],
    ['process', result.processed],
  ] as const)
    if (isOutcome(o)) {
      const bad = badRefusal(o, fileName);
      if (bad) problems.push(`${what}: ${bad}`);
      else if (o.kind === 'workbook') count(`refused ${o.code}`);
    }
  if (!isOutcome(result.read)) {
    // Read: the values must be the reference's.
    let want: Map<string, CellValue> | null = null;
    try {
      want = referenceValues(c.mutant.reference === 'original' ? c.fixture.bytes : c.mutant.bytes, result.read.sheet);
    } catch (e) {
      if (!(e instanceof ReferenceError_)) throw e;
      // The reference cannot read it (not well-formed): refusing would have been better; reading
      // it is not wrong as such, but it is counted so the suite shows how often it happens.
      count('read although the reference refuses');
      if (process.env.FUZZ_VERBOSE) console.log(`case ${c.index} (${c.operator}, ${c.fixture.file}: ${c.mutant.label}) read; the reference says ${(e as Error).message}`);
    }
    if (want) {
      const diff = differences(gridValues(result.read.values), want);
      if (diff.length) problems.push(`read values differ from the reference:\n  ${diff.join('\n  ')}`);
      else count('read, same as the reference');
    }
  }
  if (!isOutcome(result.processed)) {
    // Processed: every part the job did not write is the input's record, byte for byte; the output reads back.
    const before = new Map(readZip(c.mutant.bytes).map((e) => [e.name, e]));
    for (const e of readZip(result.processed.bytes)) {
      const original = before.get(e.name);
      if (!original || result.processed.writtenParts.includes(e.name)) continue;
      if (!Buffer.from(e.record!).equals(Buffer.from(original.record!))) problems.push(`${e.name} was not copied byte for byte`);
    }
    // Parts it wrote are well-formed XML wherever the input's were (a damaged part it copies stays as it came).
    for (const e of readZip(result.processed.bytes)) {
      if (!result.processed.writtenParts.includes(e.name)) continue;
      const original = before.get(e.name);
      const wasWellFormed = !original || wellFormed(new TextDecoder().decode(readEntry(original)), e.name);
      if (wasWellFormed && !wellFormed(new TextDecoder().decode(readEntry(e)), e.name)) problems.push(`wrote ${e.name} not well-formed`);
    }
    const read = result.read;
    if (isOutcome(read)) problems.push(`processed but not read (${read.kind === 'workbook' ? read.code : read.name})`);
    count('processed');
  }
  return problems;
}

describe(`fuzzing the file host (seed ${SEED.toString(16)}, ${CASES} cases)`, () => {
  const fixtures = loadFixtures();
  const cases = makeCases(fixtures);
  const runner = new Runner();
  const stats: Record<string, number> = {};
  const started = Date.now();

  afterAll(async () => {
    await runner.close();
    // A summary to read in the log: what the cases ended with.
    console.log(
      `fuzz: ${CASES} cases, seed ${SEED.toString(16)}, ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
        Object.entries(stats)
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => `  ${String(v).padStart(4)}  ${k}`)
          .join('\n'),
    );
  });

  it('has fixtures to mutate', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases.map((c) => [c.index, c.operator, c.fixture.file, c.mutant.label, c] as const))(
    'case %i: %s of %s (%s)',
    async (_index, _operator, _file, _label, c) => {
      const result = await runner.run({ id: c.index, bytes: c.mutant.bytes, fileName: path.basename(c.fixture.file), ...(c.mutant.limits ? { limits: c.mutant.limits } : {}) });
      expect(check(c, result, stats)).toEqual([]);
    },
  );
});
