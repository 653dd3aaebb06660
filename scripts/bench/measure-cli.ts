/**
 * Runs the tricolor command in this process and reports its wall time and peak resident memory
 * on stderr as one JSON line, so the benchmark measures exactly what a user runs.
 */
import { main } from '../../src/cli/main';

const started = process.hrtime.bigint();
const silent = { stdout: () => undefined, stderr: (s: string) => process.stderr.write(s), today: () => '2026-11-30' };
const code = main(process.argv.slice(2), silent);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
process.stderr.write(`${JSON.stringify({ code, ms, maxRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
process.exitCode = code;
