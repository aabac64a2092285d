import { describe, expect, it } from 'vitest';
import { addJobsToProjenrc, existingJobNames, jobName } from '../../../src/migrate/write-back.js';
import { projenrcSample } from '../../../src/project/projenrc-sample.js';
import type { MigrationEntry } from '../../../src/migrate/report.js';

const job = { name: 'daily-report', schedule: '30 2 * * *', timeZone: 'Europe/Madrid', comment: 'migrated from src/App/Program.cs:8 (hangfire, exact)' };

/** Evaluates the object literal given to BatchJobProject (the files are plain TS literals without types). */
function optionsOf(projenrc: string): { jobs?: { name: string; schedule: string; timeZone: string }[] } {
  const start = projenrc.indexOf('new BatchJobProject(') + 'new BatchJobProject('.length;
  const end = projenrc.lastIndexOf(');\n\nproject.synth()');
  return new Function(`return (${projenrc.slice(start, end)});`)() as never;
}

describe('.projenrc.ts write-back', () => {
  it('adds a jobs array to the file adopt writes, keeping every other option', () => {
    const before = projenrcSample({ name: 'shop', existingApp: { project: 'src/Shop/Shop.csproj' } }, 'create-batch-job');
    const after = addJobsToProjenrc(before, [job]);
    expect(optionsOf(after)).toEqual({ name: 'shop', existingApp: { project: 'src/Shop/Shop.csproj' }, jobs: [{ name: 'daily-report', schedule: '30 2 * * *', timeZone: 'Europe/Madrid' }] });
    expect(after).toContain('// migrated from src/App/Program.cs:8');
  });

  it('appends to an existing jobs array and sees its names', () => {
    const before = projenrcSample({ name: 'shop', jobs: [{ name: 'export', schedule: '0 1 * * *' }] }, 'create-batch-job');
    expect([...existingJobNames(before)]).toEqual(['export']);
    const after = addJobsToProjenrc(before, [job, { ...job, name: 'cleanup' }]);
    expect(optionsOf(after).jobs!.map((j) => j.name)).toEqual(['export', 'daily-report', 'cleanup']);
    expect([...existingJobNames(after)]).toEqual(['export', 'daily-report', 'cleanup']);
  });

  it('ignores brackets inside strings and comments', () => {
    const before = "import { BatchJobProject } from 'create-batch-job';\n\nconst project = new BatchJobProject({\n  name: 'a', // jobs: [ not this ]\n  namespace: 'x}]',\n});\n\nproject.synth();\n";
    const after = addJobsToProjenrc(before, [job]);
    expect(optionsOf(after)).toMatchObject({ name: 'a', namespace: 'x}]', jobs: [{ name: 'daily-report' }] });
  });

  it('refuses a definition that is not an object literal', () => {
    expect(() => addJobsToProjenrc("const o = {};\nconst project = new BatchJobProject(o);\n", [job])).toThrow(/object literal/);
  });

  it('job names are DNS labels derived from the job id', () => {
    const entry = (jobId: string | null, invoked: string | null) => ({ jobId, invoked, library: 'hangfire', line: 3 }) as MigrationEntry;
    expect(jobName(entry('Daily Report!', null))).toBe('daily-report');
    expect(jobName(entry(null, 'ReportJob.RunNightly'))).toBe('report-job-run-nightly');
    expect(jobName(entry('x'.repeat(80), null))).toHaveLength(52);
  });
});
