import { describe, expect, it } from 'vitest';
import type { CheckFinding, RepoReport } from '../../../src/check/finding.js';
import { exitCodeFor, summarize } from '../../../src/check/format/report.js';
import { toText, useColour } from '../../../src/check/format/text.js';
import { findRule } from '../../../src/policy/rules.js';

const finding = (rule: string, severity: CheckFinding['severity'], file: string, line?: number, column?: number): CheckFinding =>
  ({ rule, severity, file, message: `${rule} here`, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) });
const repo = (name: string, findings: CheckFinding[], extra: Partial<RepoReport> = {}): RepoReport =>
  ({ name, root: `/repos/${name}`, filesScanned: 12, findings, exempted: [], notes: [], ...extra });
const title = (rule: string, lang: 'en' | 'es' = 'en') => findRule(rule)!.title[lang];

describe('summarize', () => {
  it('counts by severity; the worst rule is the most frequent among the worst severity, ties by name', () => {
    const s = summarize([
      finding('secret-literal', 'warning', 'a'), finding('secret-literal', 'warning', 'b'), finding('secret-literal', 'warning', 'c'),
      finding('k8s-schema', 'error', 'a'), finding('k8s-apiserver', 'error', 'b'),
    ]);
    expect(s).toEqual({ errors: 2, warnings: 3, worstRule: 'k8s-apiserver' });
    expect(summarize([finding('k8s-schema', 'warning', 'a'), finding('k8s-apiserver', 'warning', 'a'), finding('k8s-schema', 'warning', 'b')]))
      .toEqual({ errors: 0, warnings: 3, worstRule: 'k8s-schema' });
    expect(summarize([])).toEqual({ errors: 0, warnings: 0 });
  });
});

describe('exitCodeFor', () => {
  const warningsOnly = [repo('a', [finding('k8s-schema', 'warning', 'x')])];
  const withError = [repo('a', []), repo('b', [finding('k8s-schema', 'error', 'x')])];
  it.each([
    ['error', warningsOnly, 0], ['error', withError, 1],
    ['warning', warningsOnly, 1], ['warning', withError, 1], ['warning', [repo('a', [])], 0],
    ['never', withError, 0],
  ] as const)('--fail-on %s', (failOn, reports, code) => {
    expect(exitCodeFor(reports, failOn)).toBe(code);
  });
});

describe('useColour', () => {
  it('only on a TTY, without NO_COLOR (an empty NO_COLOR does not count) and not on a dumb terminal', () => {
    expect(useColour({ isTTY: true }, {})).toBe(true);
    expect(useColour({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(useColour({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColour({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(useColour({ isTTY: false }, {})).toBe(false);
    expect(useColour({}, {})).toBe(false);
  });
});

describe('toText', () => {
  it('groups findings by file with line:column, then notes, exemptions and the totals', () => {
    const report = repo('one', [finding('k8s-schema', 'error', 'deploy/a.yaml', 3, 7), finding('k8s-apiserver', 'error', 'deploy/a.yaml', 9), finding('secret-literal', 'warning', 'README.md')], {
      notes: [{ kind: 'binary', file: 'big.bin', message: 'binary' }, { kind: 'kustomize-failed', message: 'kubectl not found' }],
      exempted: [{ ...finding('k8s-schema', 'error', 'x'), justification: 'j', expires: '2030-01-01' }],
    });
    expect(toText([report], 'en', false)).toBe([
      'deploy/a.yaml',
      `  3:7      error   k8s-schema  ${title('k8s-schema')}: k8s-schema here`,
      `  9        error   k8s-apiserver  ${title('k8s-apiserver')}: k8s-apiserver here`,
      'README.md',
      `  -        warning secret-literal  ${title('secret-literal')}: secret-literal here`,
      'note: big.bin: binary',
      'note: kubectl not found',
      '1 finding(s) exempted (batch-job.exemptions.yaml).',
      '2 error(s), 1 warning(s). 12 file(s) scanned.',
      '',
    ].join('\n'));
  });

  it('in Spanish, a clean repository says so', () => {
    expect(toText([repo('one', [])], 'es', false)).toBe('Sin hallazgos. 12 archivo(s) analizado(s).\n');
    expect(toText([repo('one', [finding('secret-literal', 'warning', 'a')])], 'es', false)).toContain(`aviso   secret-literal  ${title('secret-literal', 'es')}`);
  });

  it('several repositories get a header each and an aligned summary table with the totals', () => {
    const text = toText([repo('alpha', [finding('k8s-schema', 'error', 'a')]), repo('b', [finding('secret-literal', 'warning', 'a'), finding('secret-literal', 'warning', 'b')])], 'en', false);
    const lines = text.split('\n');
    expect(lines[0]).toBe('== alpha (/repos/alpha)');
    expect(lines).toContain('== b (/repos/b)');
    expect(lines.slice(-6)).toEqual([
      'repository  errors  warnings  worst rule',
      '----------  ------  --------  --------------',
      'alpha            1         0  k8s-schema',
      'b                0         2  secret-literal',
      '1 error(s), 2 warning(s).',
      '',
    ]);
  });

  it('colours only when asked: red errors, yellow warnings, underlined files', () => {
    const report = [repo('one', [finding('k8s-schema', 'error', 'a.yaml', 1), finding('secret-literal', 'warning', 'a.yaml', 2)])];
    const coloured = toText(report, 'en', true);
    expect(coloured).toContain('\u001b[4ma.yaml\u001b[0m');
    expect(coloured).toContain('\u001b[31merror  \u001b[0m');
    expect(coloured).toContain('\u001b[33mwarning\u001b[0m');
    expect(toText(report, 'en', false)).not.toContain('\u001b[');
  });
});

describe('toText, line by line', () => {
  it('paints the repository header bold, the rule dim and notes cyan, and resets after each', () => {
    const many = [repo('a', [finding('k8s-schema', 'error', 'x.yaml', 2)], { notes: [{ kind: 'binary', file: 'b.bin', message: 'binary' }] }), repo('b', [])];
    const lines = toText(many, 'en', true).split('\n');
    expect(lines[0]).toBe('\u001b[1m== a (/repos/a)\u001b[0m');
    expect(lines[1]).toBe('\u001b[4mx.yaml\u001b[0m');
    expect(lines[2]).toBe(`  2        \u001b[31merror  \u001b[0m \u001b[2mk8s-schema\u001b[0m  ${title('k8s-schema')}: k8s-schema here`);
    expect(lines[3]).toBe('\u001b[36mnote: b.bin: binary\u001b[0m');
    expect(lines).toContain('\u001b[1mrepository  errors  warnings  worst rule\u001b[0m');
  });

  it('a column of 0 is not printed; a rule outside the catalogue has an empty title', () => {
    const text = toText([repo('one', [finding('not-a-rule', 'warning', 'f', 4, 0)])], 'en', false);
    expect(text.split('\n')[1]).toBe('  4        warning not-a-rule  : not-a-rule here');
  });

  it('in Spanish: warnings, notes, exemptions, totals and the table', () => {
    const one = repo('uno', [finding('k8s-schema', 'error', 'a.yaml', 1), finding('secret-literal', 'warning', 'a.yaml', 1)], {
      notes: [{ kind: 'binary', file: 'b.bin', message: 'binary', messageEs: 'binario' }],
      exempted: [{ ...finding('k8s-schema', 'error', 'x'), justification: 'j', expires: '2030-01-01' }, { ...finding('k8s-schema', 'error', 'y'), justification: 'j', expires: '2030-01-01' }],
    });
    const lines = toText([one, repo('dos', [])], 'es', false).split('\n');
    expect(lines).toEqual([
      '== uno (/repos/uno)',
      'a.yaml',
      `  1        error   k8s-schema  ${title('k8s-schema', 'es')}: k8s-schema here`,
      `  1        aviso   secret-literal  ${title('secret-literal', 'es')}: secret-literal here`,
      'nota: b.bin: binario',
      '2 hallazgo(s) exento(s) (batch-job.exemptions.yaml).',
      '1 error(es), 1 aviso(s). 12 archivo(s) analizado(s).',
      '',
      '== dos (/repos/dos)',
      'Sin hallazgos. 12 archivo(s) analizado(s).',
      '',
      'repositorio  errores  avisos  peor regla',
      '-----------  -------  ------  ----------',
      'uno                1       1  k8s-schema',
      'dos                0       0  -',
      '1 error(es), 1 aviso(s).',
      '',
    ]);
  });

  it('widens the table for long names and counts, right-aligning the counts', () => {
    const big = Array.from({ length: 1234 }, (_, i) => finding('secret-literal', 'warning', `f${i}`));
    const lines = toText([repo('a-very-long-repository-name', big), repo('b', [])], 'en', false).split('\n');
    expect(lines.slice(-6)).toEqual([
      'repository                   errors  warnings  worst rule',
      '---------------------------  ------  --------  --------------',
      'a-very-long-repository-name       0      1234  secret-literal',
      'b                                 0         0  -',
      '0 error(s), 1234 warning(s).',
      '',
    ]);
  });

  it('a single clean repository has no header and no table', () => {
    expect(toText([repo('one', [], { filesScanned: 0 })], 'en', false)).toBe('No findings. 0 file(s) scanned.\n');
    expect(toText([repo('one', [], { filesScanned: 0 })], 'en', true)).toBe('No findings. 0 file(s) scanned.\n');
  });
});
