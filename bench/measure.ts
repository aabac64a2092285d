// Shared by the benchmarks: one timed run of a command, with its CPU time and peak memory, and the statistics.
//
// Wall time is measured around the spawn (process.hrtime); CPU time (user + system, the process and the children it
// waited for) and peak RSS (the largest single process of the tree, KiB) come from GNU `/usr/bin/time`. On a
// machine shared with other work, wall time is noisy and CPU time is the steadier figure: both are reported.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Sample {
  readonly ms: number;
  /** user + system CPU time, ms; absent without GNU time. */
  readonly cpuMs?: number;
  readonly rssKb?: number;
}

export interface Stats {
  readonly n: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly p90Ms: number;
  readonly medianCpuMs?: number;
  readonly medianRssKb?: number;
  readonly maxRssKb?: number;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly timeoutMs?: number;
}

export class BenchError extends Error {}

let gnuTime: boolean | undefined;
export function hasGnuTime(): boolean {
  if (gnuTime !== undefined) return gnuTime;
  const dir = mkdtempSync(join(tmpdir(), 'cbj-bench-time-'));
  try {
    const out = join(dir, 't');
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', '-o', out, 'true'], { stdio: 'ignore' });
    gnuTime = r.status === 0 && /^[\d.]+ [\d.]+ \d+\s*$/.test(readFileSync(out, 'utf8'));
  } catch {
    gnuTime = false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return gnuTime;
}

function parseTime(file: string): Pick<Sample, 'cpuMs' | 'rssKb'> {
  if (!existsSync(file)) return {};
  const last = readFileSync(file, 'utf8').trim().split('\n').pop() ?? '';
  const m = /^([\d.]+) ([\d.]+) (\d+)$/.exec(last);
  return m ? { cpuMs: (Number(m[1]) + Number(m[2])) * 1000, rssKb: Number(m[3]) } : {};
}

export interface Timed extends Sample {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `argv` once, asynchronously (so a server in this process, e.g. an OTLP receiver, keeps answering), and
 * returns its wall time, CPU time and peak RSS. Does not judge the exit code: callers check it.
 */
export async function timed(argv: readonly string[], options: RunOptions): Promise<Timed> {
  const dir = mkdtempSync(join(tmpdir(), 'cbj-bench-run-'));
  const timeFile = join(dir, 'time');
  const full = hasGnuTime() ? ['/usr/bin/time', '-f', '%U %S %M', '-o', timeFile, ...argv] : [...argv];
  try {
    const start = process.hrtime.bigint();
    const result = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(full[0]!, full.slice(1), { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
      child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000);
      child.on('error', reject);
      child.on('close', (status) => {
        clearTimeout(timer);
        resolve({ status, stdout, stderr });
      });
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    return { ...result, ms, ...parseTime(timeFile) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a set-up step synchronously; a failure stops the benchmark with the command and its output. */
export function mustRun(what: string, argv: readonly string[], options: RunOptions): string {
  const r = spawnSync(argv[0]!, argv.slice(1), {
    cwd: options.cwd, env: { ...process.env, ...options.env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: options.timeoutMs ?? 900_000,
  });
  if (r.error || r.status !== 0) {
    throw new BenchError(`${what} failed (${r.error?.message ?? `exit ${r.status}`}): ${argv.join(' ')} (in ${options.cwd})\n${`${r.stdout}${r.stderr}`.trim().slice(-4000)}`);
  }
  return r.stdout;
}

function median(values: readonly number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const n = v.length;
  return n % 2 === 1 ? v[(n - 1) / 2]! : (v[n / 2 - 1]! + v[n / 2]!) / 2;
}

export function stats(samples: readonly Sample[]): Stats {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const cpu = samples.map((s) => s.cpuMs).filter((v): v is number => v !== undefined);
  const rss = samples.map((s) => s.rssKb).filter((v): v is number => v !== undefined);
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    n: ms.length,
    medianMs: r1(median(ms)),
    minMs: r1(ms[0]!),
    p90Ms: r1(ms[Math.max(0, Math.ceil(0.9 * ms.length) - 1)]!),
    ...(cpu.length === samples.length && cpu.length > 0 ? { medianCpuMs: r1(median(cpu)) } : {}),
    ...(rss.length === samples.length && rss.length > 0 ? { medianRssKb: median(rss), maxRssKb: Math.max(...rss) } : {}),
  };
}

export function log(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/**
 * N rounds of every command in turn (A B C, A B C, …) after one warm-up each, so drift on a shared machine hits
 * every command alike. `check` rejects a run that did not do its work.
 */
export async function roundRobin(
  commands: ReadonlyArray<{ id: string; argv: () => readonly string[]; cwd: () => string; env?: Record<string, string | undefined>; check: (r: Timed) => string | undefined; prepare?: () => void }>,
  runs: number,
): Promise<Map<string, Sample[]>> {
  const samples = new Map<string, Sample[]>(commands.map((c) => [c.id, []]));
  for (let round = 0; round <= runs; round++) {
    const line: string[] = [];
    for (const c of commands) {
      c.prepare?.();
      const r = await timed(c.argv(), { cwd: c.cwd(), env: c.env });
      const problem = r.status !== 0 ? `exited ${r.status}` : c.check(r);
      if (problem) throw new BenchError(`${c.id} ${problem}: ${c.argv().join(' ')}\n${`${r.stdout}${r.stderr}`.trim().slice(-3000)}`);
      if (round > 0) samples.get(c.id)!.push(r);
      line.push(`${c.id} ${r.ms.toFixed(0)}${r.cpuMs !== undefined ? `/${r.cpuMs.toFixed(0)}` : ''}`);
    }
    log(`  ${round === 0 ? 'warm-up ' : `round ${String(round).padStart(2)}`}: ${line.join(' · ')} ms (wall/cpu)`);
  }
  return samples;
}
