import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { synthesize } from '../../src/cli/plan.js';
import { BatchJobProject, DRIFT_OUTDIR_ENV } from '../../src/project/batch-job-project.js';
import { inputDir, setInputDir } from '../../src/project/input-dir.js';

const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cbj-input-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  delete process.env[DRIFT_OUTDIR_ENV];
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * In process (the drift tests run `.projenrc.ts` against the compiled build): a synthesis redirected to a scratch
 * folder still reads the repository — its project graph and its policy record — and writes only the scratch folder.
 */
describe('input directory of a synthesis', () => {
  it('is the outdir unless set; a set one is resolved to an absolute path and kept per project', () => {
    const repo = temp();
    const a = new BatchJobProject({ name: 'alpha', outdir: repo, logSummary: false });
    const b = new BatchJobProject({ name: 'beta', outdir: join(repo, 'beta'), logSummary: false });
    expect(inputDir(a)).toBe(repo);
    setInputDir(a, join(repo, 'x', '..', 'y'));
    expect(inputDir(a)).toBe(join(repo, 'y'));
    expect(inputDir(b)).toBe(join(repo, 'beta'));
  });

  it('under the drift redirect reads the repository: a library the team added shows in the scratch Dockerfile, the policy record is the repository\'s', () => {
    const repo = temp();
    synthesize({ name: 'billing' }, repo);
    mkdirSync(join(repo, 'src/Billing.Core'));
    writeFileSync(join(repo, 'src/Billing.Core/Billing.Core.csproj'), '<Project Sdk="Microsoft.NET.Sdk">\n</Project>\n');
    const app = join(repo, 'src/Billing/Billing.csproj');
    writeFileSync(app, readFileSync(app, 'utf8').replace('</Project>', '  <ItemGroup>\n    <ProjectReference Include="..\\Billing.Core\\Billing.Core.csproj" />\n  </ItemGroup>\n</Project>'));
    const record = join(repo, '.projen/batch-job.json');
    writeFileSync(record, JSON.stringify({ policyVersion: '0.9.0' }));
    const before = readFileSync(join(repo, 'Dockerfile'), 'utf8');

    const scratch = temp();
    process.env[DRIFT_OUTDIR_ENV] = scratch;
    const project = new BatchJobProject({ name: 'billing', outdir: repo, logSummary: false });
    project.synth();

    expect(project.outdir).toBe(scratch);
    expect(inputDir(project)).toBe(repo);
    expect(project.previousPolicyVersion).toBe('0.9.0');
    expect(readFileSync(join(scratch, 'Dockerfile'), 'utf8')).toMatch(/^COPY src\/Billing\.Core\/Billing\.Core\.csproj /m);
    // The repository is only read.
    expect(readFileSync(join(repo, 'Dockerfile'), 'utf8')).toBe(before);
    expect(JSON.parse(readFileSync(record, 'utf8'))).toEqual({ policyVersion: '0.9.0' });
  });
});
