import { describe, expect, it } from 'vitest';
import { appIdentifier, jobClassNames } from '../../src/components/dotnet/identifiers.js';
import { TRICKY_NAMES } from '../support/names.js';
import { csharpNameProblems } from '../support/repo-validators.js';
import { synthFiles } from '../support/synth.js';

describe('C# identifiers derived from DNS-label names', () => {
  it.each(TRICKY_NAMES)('%s: the app namespace names no type the generated code declares or uses', (name) => {
    const files = synthFiles({ name, jobs: [{ name }, { name: 'cleanup' }] });
    expect(csharpNameProblems(files)).toEqual([]);
    const program = [...files].find(([path]) => path.endsWith('/Program.cs'))![1];
    const root = /^using ([A-Za-z0-9_]+);/m.exec(program)![1]!;
    // CA1716 (warnings are errors): Visual Basic keywords compared without case.
    expect(['class', 'error', 'step', 'string', 'integer', 'date', 'module', 'sub']).not.toContain(root.toLowerCase());
    // The project, its folder and the solution follow the namespace.
    expect(files.has(`src/${root}/${root}.csproj`)).toBe(true);
    expect(files.has(`${root}.sln`)).toBe(true);
  });

  it('keeps plain names as they were', () => {
    expect(appIdentifier('nightly-report')).toBe('NightlyReport');
    expect(jobClassNames(['nightly-report', 'cleanup-job'])).toEqual(['NightlyReportJob', 'CleanupJob']);
  });

  it('gives the job the class and the app a suffix when they would share a name (CS0118)', () => {
    expect(jobClassNames(['invoice-job'])).toEqual(['InvoiceJob']);
    expect(appIdentifier('invoice-job')).toBe('InvoiceJobApp');
    expect(appIdentifier('task')).toBe('TaskApp');
  });

  it('never gives two jobs classes that differ only by case (CA1708) or match a generated type', () => {
    const classes = jobClassNames(['a', 'a-job', 'a-b', 'ab', 'i-job', 'job-host']);
    expect(new Set(classes.map((c) => c.toLowerCase())).size).toBe(classes.length);
    expect(classes).not.toContain('IJob');
    expect(classes).not.toContain('JobHost');
  });
});

describe('solution file', () => {
  it('uses LF line ends, as the generated .gitattributes asks', () => {
    const files = synthFiles({ name: 'nightly-report' });
    expect(files.get('.gitattributes')).toMatch(/^\* text=auto eol=lf$/m);
    const sln = files.get('NightlyReport.sln')!;
    expect(sln).toContain('\n');
    expect(sln).not.toContain('\r');
  });
});
