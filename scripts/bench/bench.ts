/**
 * `npm run bench`: the tricolor command on generated 20,000- and 100,000-row ledgers, beside the
 * time LibreOffice takes just to open and save the same file. Prints a table; the README quotes it.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { makeBigLedger } from '../sample/make-big-ledger';
import { compilePreset, DEFAULT_PRESET, triageRecord } from '../../src/core';
import { readCorpus, recordOf } from '../eval/corpus';

const root = path.resolve(__dirname, '../../..');
const outDir = path.join(root, 'bench-output');
const sizes = (process.env.BENCH_ROWS ?? '20000,100000').split(',').map(Number);

function runCli(input: string): { ms: number; maxRssMiB: number } {
  const out = path.join(outDir, `${path.basename(input, '.xlsx')}.tricolor.xlsx`);
  return measure(['run', input, '--as-of', '2026-11-30', '--out', out, '--force']);
}

/**
 * The command as a user runs it (`bin/tricolor.js`: Node's start, the supervisor, the job's process
 * under its heap cap, flags and environment), timed from spawn to exit as LibreOffice is. The peak
 * is GNU time's largest resident set of the processes it waited for: the job's.
 */
function measure(args: string[]): { ms: number; maxRssMiB: number } {
  const started = process.hrtime.bigint();
  const r = spawnSync(GNU_TIME, ['-f', `${PEAK_MARK} %M`, process.execPath, path.join(root, 'bin', 'tricolor.js'), ...args], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.error) throw new Error(`${GNU_TIME} could not be run (${r.error.message}): the bench needs GNU time for peak memory (apt-get install time)`);
  const peak = new RegExp(`${PEAK_MARK} (\\d+)\\s*$`).exec(r.stderr);
  if (r.status !== 0 || !peak) throw new Error(`tricolor failed: ${r.stderr}`);
  return { ms, maxRssMiB: Number(peak[1]) / 1024 };
}
const GNU_TIME = '/usr/bin/time';
const PEAK_MARK = 'tricolor-bench-peak-kib';

/** LibreOffice headless with a profile of its own, warmed once so a timed run measures opening and saving, not first-start setup. */
class LibreOffice {
  private readonly profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  private readonly target = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-out-'));
  static available(): boolean {
    return spawnSync('soffice', ['--version']).status === 0;
  }
  constructor() {
    spawnSync('soffice', [`-env:UserInstallation=file://${this.profile}`, '--headless', '--terminate_after_init']);
  }
  /** Milliseconds to open `input` and save it as .xlsx, or null if it failed. */
  openAndSave(input: string): number | null {
    const started = process.hrtime.bigint();
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${this.profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', this.target, input], {
      encoding: 'utf8',
      timeout: 30 * 60_000,
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return r.status === 0 ? ms : null;
  }
  close() {
    fs.rmSync(this.profile, { recursive: true, force: true });
    fs.rmSync(this.target, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

fs.mkdirSync(outDir, { recursive: true });
const rows: string[] = [];
/**
 * One ledger timed three times beside LibreOffice opening and saving it three times, the two
 * taking turns: the load on a shared machine drifts over minutes, and runs side by side see the
 * same drift. The ratio is the median of the three pairs' ratios; the times are medians.
 */
function benchLedger(label: string, file: string, bytes: Uint8Array) {
  const input = path.join(outDir, file);
  fs.writeFileSync(input, bytes);
  const mib = (fs.statSync(input).size / 1024 / 1024).toFixed(1);
  const office = LibreOffice.available() ? new LibreOffice() : null;
  const pairs: { cli: { ms: number; maxRssMiB: number }; lo: number | null }[] = [];
  try {
    for (let run = 0; run < 3; run++) pairs.push({ cli: runCli(input), lo: office ? office.openAndSave(input) : null });
  } finally {
    office?.close();
  }
  const cliMs = median(pairs.map((p) => p.cli.ms));
  const rssMiB = median(pairs.map((p) => p.cli.maxRssMiB));
  const timed = pairs.filter((p): p is { cli: { ms: number; maxRssMiB: number }; lo: number } => p.lo !== null);
  const lo = timed.length === pairs.length ? median(timed.map((p) => p.lo)) : null;
  const ratio = lo === null ? null : median(timed.map((p) => p.cli.ms / p.lo));
  rows.push(
    `| ${label} | ${mib} MiB | ${(cliMs / 1000).toFixed(1)} s | ${rssMiB.toFixed(0)} MiB | ${lo === null ? 'n/a' : `${(lo / 1000).toFixed(1)} s`} | ${ratio === null ? '' : `${ratio.toFixed(2)}×`} |`,
  );
  console.log(rows[rows.length - 1]);
}
for (const n of sizes) benchLedger(n.toLocaleString('en-US'), `ledger-${n / 1000}k.xlsx`, makeBigLedger(n));
// The shape that stresses the reports: 80% of old disputes left open, so about three quarters of
// all disputes are due for a revisit and the due-list and the meeting's lists run to tens of thousands.
const largest = Math.max(...sizes);
benchLedger(`${largest.toLocaleString('en-US')}, ¾ due`, `ledger-${largest / 1000}k-due.xlsx`, makeBigLedger(largest, 0.8));
/**
 * The preset alone, on text as staff write it: 100,000 rows whose 简要情况 are the corpus's lines
 * (longer and richer than the generated ledgers'), CPU time, median of five after a warm-up.
 */
function triageAlone(rows: number): number {
  const lines = readCorpus().map((l) => l.text);
  const records = Array.from({ length: rows }, (_, i) => recordOf(`${lines[i % lines.length]}（${i}）`, i + 2));
  const compiled = compilePreset(DEFAULT_PRESET);
  const asOf = records[0].registered!;
  records.slice(0, 2000).forEach((r) => triageRecord(compiled, r, asOf));
  const runs: number[] = [];
  for (let run = 0; run < 5; run++) {
    const before = process.cpuUsage();
    for (const r of records) triageRecord(compiled, r, asOf);
    const used = process.cpuUsage(before);
    runs.push((used.user + used.system) / 1000);
  }
  return runs.sort((a, b) => a - b)[2];
}

/** A joint meeting of the generated ledgers: every size read, shared disputes found, one workbook written. */
function meetingOfAll(): string | null {
  const inputs = sizes.map((n) => path.join(outDir, `ledger-${n / 1000}k.xlsx`));
  if (inputs.length < 2) return null;
  const runs = [0, 1, 2].map(() => measure(['meeting', ...inputs, '--as-of', '2026-11-30', '--out', path.join(outDir, 'meeting.tricolor.xlsx'), '--force']));
  const m = runs.sort((a, b) => a.ms - b.ms)[1];
  const total = sizes.reduce((a, b) => a + b, 0);
  return `meeting of ${sizes.map((n) => n.toLocaleString('en-US')).join(' + ')} = ${total.toLocaleString('en-US')} rows: ${(m.ms / 1000).toFixed(1)} s, ${m.maxRssMiB.toFixed(0)} MiB peak (median of 3)`;
}

const meeting = meetingOfAll();
if (meeting) console.log(`\n${meeting}`);
const alone = triageAlone(100000);
console.log(`\ntriage alone: 100,000 rows of corpus text in ${(alone / 1000).toFixed(2)} s CPU (median of 5)`);
console.log(`\nnode ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
console.log('| rows | file | tricolor run | peak memory | LibreOffice open+save | tricolor / LibreOffice |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(r);
