// Robustness at benchmark size: the fuzz and interrupt tests of the CI suite, run with larger counts.
//
//   node bench/robustness.ts [--fuzz N] [--interrupts N] [--build]      (run by `npm run bench` after bench/run.ts)
//
// Defaults: 10000 fuzzed answer sets (30 of the refusals also through the real bin) and 200 interrupted runs
// (create, re-sync, adopt; half right after a random file-system write). --build also builds the 20 option sets of
// test/e2e/names-build.test.ts with `dotnet build -warnaserror` (one solution, one NuGet cache).
// Prints cases run, refused, accepted; interrupts delivered; partial outputs found (must be 0), and writes
// bench/out/robustness.json. Exits non-zero only when a test fails.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    fuzz: { type: 'string', default: '10000' },
    interrupts: { type: 'string', default: '200' },
    build: { type: 'boolean', default: false },
  },
});

const summary = join(tmpdir(), `cbj-robustness-${process.pid}.jsonl`);
rmSync(summary, { force: true });
const files = ['test/robustness/fuzz.test.ts', 'test/robustness/interrupts.test.ts', ...(values.build ? ['test/e2e/names-build.test.ts'] : [])];
const started = Date.now();
const run = spawnSync('npx', ['vitest', 'run', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: values.fuzz, INTERRUPT_RUNS: values.interrupts, FUZZ_SUMMARY: summary },
});
const seconds = Math.round((Date.now() - started) / 1000);

const records = existsSync(summary) ? readFileSync(summary, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, Record<string, number>>) : [];
const merged = Object.assign({}, ...records) as { fuzz?: Record<string, number>; interrupts?: Record<string, number> };
const result = { seconds, exitCode: run.status, ...merged };
mkdirSync(join(root, 'bench/out'), { recursive: true });
writeFileSync(join(root, 'bench/out/robustness.json'), `${JSON.stringify(result, null, 2)}\n`);

const f = merged.fuzz;
const i = merged.interrupts;
console.log('\nrobustness benchmark');
if (f) console.log(`  fuzz: ${f.cases} cases in-process (${f.refused} refused, ${f.accepted} accepted); ${f.cliCases} refusals through the bin`);
if (i) console.log(`  interrupts: ${i.runs} runs, ${i.delivered} signals delivered; as before ${i.asBefore}, complete ${i.complete}, partial outputs ${i.partial}`);
console.log(`  ${seconds} s, vitest exit ${run.status}`);
process.exit(run.status ?? 1);
