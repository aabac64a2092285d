import { appendFileSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { execa } from 'execa';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchJobBin, createBin, repoRoot, tempDir } from '../support/cli.js';

// Sizes: CI runs INTERRUPT_RUNS (default 50) split over create, re-sync and adopt; `npm run bench` raises it (≥ 200).
const RUNS = Number(process.env.INTERRUPT_RUNS ?? 50);
const SEED = Number(process.env.INTERRUPT_SEED ?? 20261202);
const counts = { runs: 0, delivered: 0, asBefore: 0, complete: 0, partial: 0 };

/** Every file and folder below `dir` (node_modules excluded), with modes and contents: equal trees, equal strings. */
function tree(dir: string): string {
  if (!existsSync(dir)) return '<absent>';
  const rows: string[] = [];
  const walk = (current: string, rel: string) => {
    for (const entry of readdirSync(current).sort()) {
      if (entry === 'node_modules') continue;
      const full = join(current, entry);
      const path = rel ? `${rel}/${entry}` : entry;
      const stat = lstatSync(full);
      if (stat.isDirectory()) {
        rows.push(`${path}/`);
        walk(full, path);
      } else rows.push(`${path} ${stat.mode.toString(8)} ${readFileSync(full, 'base64')}`);
    }
  };
  walk(dir, '');
  return rows.join('\n');
}

interface Interrupted {
  readonly exitCode: number | undefined;
  readonly delivered: boolean;
  readonly output: string;
}

/** Starts `args` and sends `signal` after `delayMs`, if the process still runs then. */
function runInterrupted(args: string[], cwd: string, delayMs: number, signal: NodeJS.Signals, env: Record<string, string> = {}): Promise<Interrupted> {
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'C', LC_ALL: '', ...env } });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  let delivered = false;
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) delivered = child.kill(signal);
  }, delayMs);
  return new Promise((resolve) => {
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? undefined, delivered, output });
    });
  });
}

async function timed(args: string[], cwd: string): Promise<number> {
  const started = Date.now();
  const result = await execa(process.execPath, args, { cwd, reject: false, all: true, stdin: 'ignore', env: { LANG: 'C' } });
  expect(result.exitCode, String(result.all)).toBe(0);
  return Date.now() - started;
}

/**
 * Random points: a fraction of the uninterrupted run time and a signal. Files are written in the last moments of a
 * run (most of it is loading modules), so half the points fall in its last third, where a missing guard shows.
 */
function points(n: number, seed: number) {
  const at = fc.oneof(fc.double({ min: 0, max: 1.1, noNaN: true }), fc.double({ min: 0.67, max: 1, noNaN: true }));
  // Half the runs are interrupted right after a random file-system write instead (see interrupt-hook.mjs).
  const write = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined, freq: 2 });
  return fc.sample(fc.record({ at, write, signal: fc.constantFrom<NodeJS.Signals>('SIGINT', 'SIGTERM') }), { numRuns: n, seed });
}

const HOOK = ['--import', join(repoRoot, 'test/support/interrupt-hook.mjs')];

/** How many file-system writes an uninterrupted run makes (the hook counts them). */
async function countWrites(args: string[], cwd: string): Promise<number> {
  const file = join(tempDir('cbj-int-count-'), 'count');
  const result = await execa(process.execPath, [...HOOK, ...args], { cwd, reject: false, all: true, stdin: 'ignore', env: { LANG: 'C', INTERRUPT_COUNT_FILE: file } });
  expect(result.exitCode, String(result.all)).toBe(0);
  return Number(readFileSync(file, 'utf8').trim().split('\n').pop());
}

/** Runs `args` interrupted at point `p`: after a time, or after a numbered write. */
async function interruptAt(p: ReturnType<typeof points>[number], args: string[], cwd: string, duration: number, writes: number, env: Record<string, string> = {}): Promise<Interrupted & { where: string }> {
  if (p.write === undefined) return { ...(await runInterrupted(args, cwd, p.at * duration, p.signal, env)), where: `${Math.round(p.at * duration)} ms` };
  const after = 1 + Math.floor(p.write * writes);
  const run = await runInterrupted([...HOOK, ...args], cwd, 600_000, p.signal, { ...env, INTERRUPT_AFTER_WRITES: String(after), INTERRUPT_SIGNAL: p.signal });
  return { ...run, delivered: true, where: `write ${after} of ${writes}` };
}

/** Classifies the target after an interrupted run; anything else than "as before" or "complete" is a partial output. */
function classify(after: string, before: string, complete: string, context: string): 'asBefore' | 'complete' {
  counts.runs++;
  if (after === before) return (counts.asBefore++, 'asBefore');
  if (after === complete) return (counts.complete++, 'complete');
  counts.partial++;
  throw new Error(`partial output after an interrupted run (${context})`);
}

const CREATE_ARGS = [createBin, 'repo', '--yes', '--no-install', '--name', 'nightly-report', '--job', 'nightly-report,cleanup'];

describe('interrupts (SIGINT / SIGTERM at random points): the target is as it was or complete, and a later run works', () => {
  const share = { create: Math.ceil(RUNS * 0.4), resync: Math.ceil(RUNS * 0.3), adopt: RUNS - Math.ceil(RUNS * 0.4) - Math.ceil(RUNS * 0.3) };

  afterAll(() => {
    if (process.env.FUZZ_SUMMARY) appendFileSync(process.env.FUZZ_SUMMARY, `${JSON.stringify({ interrupts: counts })}\n`);
  });

  it(`create: ${share.create} interrupted runs`, async () => {
    const ref = tempDir('cbj-int-ref-');
    const duration = await timed(CREATE_ARGS, ref);
    const complete = tree(join(ref, 'repo'));
    const writes = await countWrites(CREATE_ARGS, tempDir('cbj-int-ref-'));
    for (const [i, p] of points(share.create, SEED).entries()) {
      const cwd = tempDir('cbj-int-create-');
      // The staging folder lives in TMPDIR: a private one shows whether a run left one behind.
      const tmp = tempDir('cbj-int-tmp-');
      const run = await interruptAt(p, CREATE_ARGS, cwd, duration, writes, { TMPDIR: tmp });
      if (run.delivered) counts.delivered++;
      const context = `create #${i} ${p.signal} at ${run.where}, exit ${run.exitCode}\n${run.output}`;
      const state = classify(tree(join(cwd, 'repo')), '<absent>', complete, context);
      // Node's compile cache (enableCompileCache in the bins) is meant to outlive a run; any other entry is a leftover.
      expect(readdirSync(tmp).filter((entry) => entry !== 'node-compile-cache'), context).toEqual([]);
      if (run.delivered && state === 'asBefore') expect([130, 143, undefined], context).toContain(run.exitCode);
      if (state === 'asBefore') {
        const again = await execa(process.execPath, CREATE_ARGS, { cwd, reject: false, stdin: 'ignore', env: { LANG: 'C' } });
        expect(again.exitCode, context).toBe(0);
        expect(tree(join(cwd, 'repo')), context).toBe(complete);
      }
      rmSync(cwd, { recursive: true, force: true });
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 1_800_000);

  describe('re-sync (node .projenrc.ts, what npx projen runs)', () => {
    let pristine: string;
    const EDIT = (rc: string) =>
      rc.replace(/name: '([a-z-]+)',\n/, "name: '$1',\n  namespace: 'reporting',\n  jobs: [{ name: 'nightly-report', schedule: '15 3 * * *', timeZone: 'Europe/Madrid' }, { name: 'cleanup', kind: 'job' }, { name: 'export' }],\n");

    /** A copy of the generated repo whose .projenrc.ts imports this checkout (linked, no npm install). */
    function workingCopy(): string {
      const dir = join(tempDir('cbj-int-resync-'), 'repo');
      cpSync(pristine, dir, { recursive: true });
      mkdirSync(join(dir, 'node_modules'));
      symlinkSync(repoRoot, join(dir, 'node_modules/create-batch-job'), 'dir');
      const rc = join(dir, '.projenrc.ts');
      writeFileSync(rc, EDIT(readFileSync(rc, 'utf8')));
      return dir;
    }

    beforeAll(async () => {
      const cwd = tempDir('cbj-int-resync-src-');
      await timed(CREATE_ARGS, cwd);
      pristine = join(cwd, 'repo');
    });

    it(`${share.resync} interrupted runs`, async () => {
      const ref = workingCopy();
      const before = tree(ref);
      const duration = await timed(['.projenrc.ts'], ref);
      const complete = tree(ref);
      expect(complete).not.toBe(before);
      const writes = await countWrites(['.projenrc.ts'], workingCopy());
      for (const [i, p] of points(share.resync, SEED + 1).entries()) {
        const dir = workingCopy();
        const run = await interruptAt(p, ['.projenrc.ts'], dir, duration, writes);
        if (run.delivered) counts.delivered++;
        const context = `re-sync #${i} ${p.signal} at ${run.where}, exit ${run.exitCode}\n${run.output}`;
        const state = classify(tree(dir), before, complete, context);
        if (state === 'asBefore') {
          await timed(['.projenrc.ts'], dir);
          expect(tree(dir), context).toBe(complete);
        }
        rmSync(join(dir, '..'), { recursive: true, force: true });
      }
    }, 1_800_000);
  });

  it(`adopt: ${share.adopt} interrupted runs`, async () => {
    const fixture = join(repoRoot, 'test/fixtures/adopt/console-app');
    const copy = () => {
      const dir = join(tempDir('cbj-int-adopt-'), 'tool');
      cpSync(fixture, dir, { recursive: true });
      return dir;
    };
    const ref = copy();
    const before = tree(ref);
    const duration = await timed([batchJobBin, 'adopt'], ref);
    const complete = tree(ref);
    const writes = await countWrites([batchJobBin, 'adopt'], copy());
    for (const [i, p] of points(share.adopt, SEED + 2).entries()) {
      const dir = copy();
      const run = await interruptAt(p, [batchJobBin, 'adopt'], dir, duration, writes);
      if (run.delivered) counts.delivered++;
      const context = `adopt #${i} ${p.signal} at ${run.where}, exit ${run.exitCode}\n${run.output}`;
      const state = classify(tree(dir), before, complete, context);
      if (state === 'asBefore') {
        await timed([batchJobBin, 'adopt'], dir);
        expect(tree(dir), context).toBe(complete);
      }
      rmSync(join(dir, '..'), { recursive: true, force: true });
    }
  }, 1_800_000);

  it('delivered most signals while the process was still running', () => {
    expect(counts.partial).toBe(0);
    expect(counts.delivered).toBeGreaterThanOrEqual(Math.floor(RUNS * 0.7));
  });
});

describe.each([
  ['en', 'C', 'Interrupted during npm install', 'to finish setting it up, run'],
  ['es', 'es_ES.UTF-8', 'Interrumpido durante npm install', 'para terminar de prepararlo, ejecuta'],
])('Ctrl+C during npm install (%s)', (_lang, LANG, interrupted, finish) => {
  it('exits 130, keeps the complete repository and prints the commands that finish the set-up', async () => {
    // A stand-in npm that never ends, so the signal surely lands during the install.
    const bin = tempDir('cbj-int-bin-');
    writeFileSync(join(bin, 'npm'), '#!/bin/sh\nexec sleep 60\n', { mode: 0o755 });
    const cwd = tempDir('cbj-int-install-');
    const child = spawn(process.execPath, [createBin, 'repo', '--yes', '--name', 'nightly-report', '--self-spec', 'create-batch-job.tgz'], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LANG, LC_ALL: '', PATH: `${bin}:${process.env.PATH}` },
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (/npm install/.test(stdout)) child.kill('SIGINT');
      });
      child.once('close', resolve);
    });
    expect(code, stdout + stderr).toBe(130);
    expect(stderr).toContain(interrupted);
    expect(stderr).toContain(finish);
    expect(stderr).toContain(`cd ${join(cwd, 'repo')}`);
    expect(stderr).toMatch(/npm install .*create-batch-job\.tgz/);
    expect(stderr).toContain('dotnet restore NightlyReport.sln');
    expect(existsSync(join(cwd, 'repo/.projenrc.ts'))).toBe(true);
  }, 120_000);
});
