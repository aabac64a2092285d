import { appendFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runCreate } from '../../src/cli/run-create.js';
import { caseArgv, fuzzCase, type FuzzCase } from '../support/fuzz-answers.js';
import { runCreateBin, snapshot, tempDir } from '../support/cli.js';
import { repoProblems } from '../support/repo-validators.js';

// Sizes: CI runs the defaults; `npm run bench` raises them (FUZZ_RUNS ≥ 10000). FUZZ_SUMMARY names a JSON file the
// benchmark reads the counts from.
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const CLI_RUNS = Number(process.env.FUZZ_CLI_RUNS ?? 30);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

const counts = { cases: 0, refused: 0, accepted: 0, cliCases: 0, cliRefused: 0 };

interface Outcome {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

/** The CLI's own entry (`runCreate`), in-process: same parse → validate → synthesise → apply path as the bin. */
async function createInProcess(argv: string[], cwd: string): Promise<Outcome> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCreate({ argv, env: { LANG: 'C' }, cwd, stdinIsTTY: false, out: (l) => out.push(l), err: (l) => err.push(l), signal: new AbortController().signal, now: new Date('2026-01-01') });
  return { code, out, err };
}

function writeAnswers(c: FuzzCase, dir: string): string | undefined {
  if (!c.answersFile) return undefined;
  const path = join(dir, 'answers.json');
  writeFileSync(path, JSON.stringify(c.answersFile));
  return path;
}

/** Where the repository should be: the directory argument, else the name, else the CLI's default. */
function generatedRoot(cwd: string): string | undefined {
  const entries = readdirSync(cwd, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.projenrc.ts'));
  return entries.length === 1 ? join(cwd, entries[0]!, '..') : undefined;
}

describe('fuzzed answers: refused in one line with nothing written, or a repository that passes every validator', () => {
  afterAll(() => {
    if (process.env.FUZZ_SUMMARY) appendFileSync(process.env.FUZZ_SUMMARY, `${JSON.stringify({ fuzz: counts })}\n`);
  });

  it(`${RUNS} cases through the CLI entry in-process`, async () => {
    const root = tempDir('cbj-fuzz-');
    const answersDir = tempDir('cbj-fuzz-answers-');
    let i = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fuzzCase, async (c) => {
          const cwd = join(root, String(i++));
          mkdirSync(cwd);
          try {
            const result = await createInProcess(caseArgv(c, writeAnswers(c, answersDir)), cwd);
            counts.cases++;
            const context = `argv ${JSON.stringify(caseArgv(c, 'answers.json'))} ${JSON.stringify(c.answersFile ?? '')}\nout: ${result.out.join('\n')}\nerr: ${result.err.join('\n')}`;
            if (result.code === 2) {
              counts.refused++;
              expect(result.err, context).toHaveLength(1);
              expect(result.err[0], context).not.toMatch(/[\n\r]/);
              expect(result.out, context).toEqual([]);
              expect(readdirSync(cwd), context).toEqual([]);
              return;
            }
            expect(result.code, context).toBe(0);
            counts.accepted++;
            const repo = generatedRoot(cwd);
            expect(repo, context).toBeDefined();
            expect(repoProblems(repo!), context).toEqual([]);
          } finally {
            rmSync(cwd, { recursive: true, force: true });
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(answersDir, { recursive: true, force: true });
    }
    // The generator must explore both outcomes, or the property says little.
    expect(counts.refused).toBeGreaterThan(RUNS / 10);
    expect(counts.accepted).toBeGreaterThan(RUNS / 10);
  }, 1_800_000);

  it(`${CLI_RUNS} refused cases through the real bin: exit 2, one line, nothing written`, async () => {
    // Only refusals are spawned (an accepted case costs a full synthesis and is covered above); NUL cannot be
    // passed in argv at all.
    const refused = fc.sample(fuzzCase.filter((c) => !JSON.stringify(c).includes('\\u0000')), { numRuns: CLI_RUNS * 20, seed: SEED ?? 7 });
    const answersDir = tempDir('cbj-fuzz-answers-');
    for (const c of refused) {
      if (counts.cliCases >= CLI_RUNS) break;
      const probe = tempDir('cbj-fuzz-probe-');
      const inProcess = await createInProcess(caseArgv(c, writeAnswers(c, answersDir)), probe);
      rmSync(probe, { recursive: true, force: true });
      if (inProcess.code !== 2) continue;
      const cwd = tempDir('cbj-fuzz-cli-');
      const before = snapshot(cwd);
      const result = await runCreateBin(caseArgv(c, writeAnswers(c, answersDir)), { cwd });
      counts.cliCases++;
      const context = `argv ${JSON.stringify(caseArgv(c))}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`;
      expect(result.exitCode, context).toBe(2);
      expect(result.stderr.trimEnd().split('\n'), context).toHaveLength(1);
      expect(result.stdout, context).toBe('');
      expect(snapshot(cwd), context).toBe(before);
      counts.cliRefused++;
      rmSync(cwd, { recursive: true, force: true });
    }
    expect(counts.cliCases).toBe(CLI_RUNS);
  }, 1_800_000);
});
