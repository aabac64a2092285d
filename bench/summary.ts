// The one table of `npm run bench`: every row a measured command against its baseline from the same run, read
// from bench/out/*.json (written by run.ts, startup.ts, job-start.ts and check.ts just before), with the targets of
// issue 12. Writes bench/results.json. Rows whose benchmark did not run are listed as missing, not invented.
//
//   node bench/summary.ts
//
// Ratios are measured / baseline of the medians (wall time; CPU time user+sys in its own column, the steadier
// figure on a shared machine). "≥ 4× faster" reads as ratio ≤ 0.25.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const read = (name: string): any => {
  const path = join(root, 'bench/out', name);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
};

interface Side { label: string; ms?: number; cpuMs?: number; rssKb?: number }
interface Row { name: string; measured: Side; baseline: Side; targets: Array<{ text: string; ok: boolean | undefined }> }

const startup = read('startup.json');
const resync = read('resync.json');
const job = read('job-start.json');
const check = read('check.json');

const s = (id: string, label = id): Side => {
  const r = startup?.results?.[id];
  return { label, ms: r?.medianMs, cpuMs: r?.medianCpuMs, rssKb: r?.maxRssKb };
};
const j = (id: string, label = id): Side => {
  const r = job?.results?.[id];
  return { label, ms: r?.medianMs, cpuMs: r?.medianCpuMs, rssKb: r?.maxRssKb };
};
const rs = (id: string, label: string): Side => {
  const r = resync?.results?.find((x: { id: string }) => x.id === id)?.stats;
  return { label, ms: r?.medianMs, cpuMs: r?.medianCpuMs, rssKb: r?.peakRssKb };
};
const ratio = (row: Row) => (row.measured.ms !== undefined && row.baseline.ms ? row.measured.ms / row.baseline.ms : undefined);
const cpuRatio = (row: Row) => (row.measured.cpuMs !== undefined && row.baseline.cpuMs ? row.measured.cpuMs / row.baseline.cpuMs : undefined);
const le = (v: number | undefined, max: number) => (v === undefined ? undefined : v <= max);

const rows: Row[] = [];
const add = (name: string, measured: Side, baseline: Side, targets: (row: Row) => Row['targets']) => {
  const row: Row = { name, measured, baseline, targets: [] };
  row.targets = targets(row);
  rows.push(row);
};
add('create a repository', s('create', 'create-batch-job --yes --no-install'), s('dotnet-new-console', 'dotnet new console --no-restore'), (r) => [
  { text: 'ratio ≤ 0.8', ok: le(ratio(r), 0.8) },
  { text: 'median ≤ 350 ms', ok: le(r.measured.ms, 350) },
]);
for (const id of ['create --help', 'create --version', 'batch-job --help']) {
  add(id, s(id), s('node -e 0'), (r) => [{ text: 'median ≤ 150 ms', ok: le(r.measured.ms, 150) }]);
}
add('re-sync (npx projen, 5 jobs)', rs('projen-node', 'npx projen (node runner)'), rs('projen-tsnode', "npx projen (projen's ts-node runner)"), (r) => [
  { text: 'median ≤ 600 ms', ok: le(r.measured.ms, 600) },
  { text: '≥ 4× faster (ratio ≤ 0.25)', ok: le(ratio(r), 0.25) },
]);
// What every re-sync pays before .projenrc.ts runs (npx and projen's CLI), whatever the runner: no target of its
// own, it shows how much of the re-sync target is left for the synthesis.
add('re-sync floor (npx projen, no-op task)', rs('projen-floor', 'npx projen, default task node -e 0'), rs('projen-node', 'npx projen (node runner)'), () => []);
// The runners without npx and projen's CLI: what the repository's own choice of runner decides.
add('re-sync runners alone (node vs ts-node)', rs('node-direct', 'node .projenrc.ts'), rs('tsnode-direct', 'node --loader ts-node/esm .projenrc.ts'), () => []);
if (check) {
  const best = (ms: Array<{ ms: number; cpuMs: number; maxRssKb: number }>) => ms.reduce((a, b) => (b.ms < a.ms ? b : a));
  const c = best(check.check);
  const b = best(check.baseline);
  // Judged on wall time (files/s a user waits for): the check shares its work between threads. Older result files
  // hold one number.
  const wall: number = typeof check.filesPerSecond === 'number' ? check.filesPerSecond : check.filesPerSecond.wall;
  add(`batch-job check (${check.files} files)`, { label: `${Math.round(wall)} files/s (wall)`, ms: c.ms, cpuMs: c.cpuMs, rssKb: c.maxRssKb }, { label: 'list + read the same files', ms: b.ms, cpuMs: b.cpuMs, rssKb: b.maxRssKb }, () => [
    { text: `≥ ${check.target} files/s by wall time`, ok: wall >= check.target },
  ]);
} else {
  add('batch-job check', { label: 'not run' }, { label: 'not run' }, () => []);
}
add('job start: no-op job, telemetry off', j('job-noop', 'dotnet App.dll noop'), j('bare-console', 'dotnet new console app'), (r) => [
  { text: 'median ≤ 300 ms', ok: le(r.measured.ms, 300) },
  { text: 'peak RSS ≤ 80 MiB', ok: le(r.measured.rssKb, 80 * 1024) },
]);
add('job start: no-op job, telemetry on', j('job-noop-otel', 'dotnet App.dll noop (OTLP export)'), j('bare-console', 'dotnet new console app'), (r) => [
  { text: 'median ≤ 300 ms', ok: le(r.measured.ms, 300) },
  { text: 'peak RSS ≤ 80 MiB', ok: le(r.measured.rssKb, 80 * 1024) },
]);
add('job start: sample job (1000 items)', j('job-sample', 'dotnet App.dll <sample job>'), j('bare-console', 'dotnet new console app'), () => []);

const fmtMs = (v?: number) => (v === undefined ? '-' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
const fmtMiB = (v?: number) => (v === undefined ? '-' : `${Math.round(v / 1024)} MiB`);
const fmtX = (v?: number) => (v === undefined ? '-' : `${v.toFixed(2)}×`);
const verdict = (t: Row['targets']) => t.map((x) => `${x.ok === undefined ? '?' : x.ok ? 'PASS' : 'MISS'} ${x.text}`).join('; ') || '(reported)';

const header = ['row', 'median (cpu)', 'RSS', 'baseline median (cpu)', 'RSS', 'ratio', 'cpu ratio', 'target'];
const table = rows.map((r) => [
  r.name,
  `${fmtMs(r.measured.ms)} (${fmtMs(r.measured.cpuMs)})`,
  fmtMiB(r.measured.rssKb),
  `${fmtMs(r.baseline.ms)} (${fmtMs(r.baseline.cpuMs)})`,
  fmtMiB(r.baseline.rssKb),
  fmtX(ratio(r)),
  fmtX(cpuRatio(r)),
  verdict(r.targets),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end; Node ${process.version}${startup?.environment?.dotnet ? `, .NET SDK ${startup.environment.dotnet}` : ''}`;

console.log('\nbenchmark summary (medians of the same run; ratio = measured / baseline)');
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const t of table) console.log(line(t));
console.log(`machine: ${machine}`);
const results = {
  generatedAt: new Date().toISOString(),
  machine,
  rows: rows.map((r) => ({ ...r, ratio: ratio(r), cpuRatio: cpuRatio(r) })),
  sources: { startup: Boolean(startup), resync: Boolean(resync), jobStart: Boolean(job), check: Boolean(check) },
};
writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('wrote bench/results.json');
