import { describe, expect, it } from 'vitest';
import { createContext, helmTemplateRoots, isCiFile } from '../../../src/check/context.js';
import { messageFields, messageIn, sortFindings, type CheckFinding } from '../../../src/check/finding.js';
import { ruleDoc, ruleDocs } from '../../../src/check/rule-docs.js';
import { memoryRepository } from '../../../src/check/walk.js';
import { findRule, rules } from '../../../src/policy/rules.js';

const text = { en: 'the detail', es: 'el detalle' };

describe('createContext', () => {
  it('report builds a finding with the rule\'s severity, and only the optional fields given', () => {
    const files = memoryRepository(new Map([['a.yaml', 'x: 1\n']]));
    const { context, findings } = createContext(files, { kubectl: true, root: '/r' });
    expect(context.files).toBe(files);
    expect(context.kubectl).toBe(true);
    expect(context.root).toBe('/r');
    context.report('secret-literal', 'a.yaml', undefined, text);
    context.report('k8s-container-resources', 'a.yaml', 4, text, { severity: 'error', detail: 'container-resources', column: 7 });
    context.report('k8s-container-resources', 'a.yaml', 0, text, { column: 0 });
    expect(findings).toStrictEqual([
      { rule: 'secret-literal', severity: findRule('secret-literal')!.severity, file: 'a.yaml', message: 'the detail', messageEs: 'el detalle' },
      { rule: 'k8s-container-resources', severity: 'error', file: 'a.yaml', line: 4, column: 7, message: 'the detail', messageEs: 'el detalle', detail: 'container-resources' },
      { rule: 'k8s-container-resources', severity: 'warning', file: 'a.yaml', line: 0, column: 0, message: 'the detail', messageEs: 'el detalle' },
    ]);
    expect(findRule('k8s-container-resources')!.severity).toBe('warning');
  });

  it('report refuses a rule outside the catalogue, naming it', () => {
    const { context, findings } = createContext(memoryRepository(new Map()), { kubectl: false });
    expect(() => context.report('no-such-rule', 'a', 1, text)).toThrow('rule no-such-rule is not in the policy\'s catalogue');
    expect(findings).toEqual([]);
    expect(context.root).toBeUndefined();
  });

  it('note goes to the files\' notes; adopt appends findings made elsewhere', () => {
    const files = memoryRepository(new Map());
    const { context, findings } = createContext(files, { kubectl: false });
    context.note({ kind: 'binary', file: 'x', message: 'm' });
    expect(files.notes).toEqual([{ kind: 'binary', file: 'x', message: 'm' }]);
    const made: CheckFinding = { rule: 'drift', severity: 'error', file: 'f', message: 'm' };
    context.report('secret-literal', 'a', 1, text);
    context.adopt([made, made]);
    expect(findings.map((f) => f.rule)).toEqual(['secret-literal', 'drift', 'drift']);
  });
});

describe('helmTemplateRoots', () => {
  it('gives templates/ next to every Chart.yaml or Chart.yml, at the root or nested', () => {
    expect(helmTemplateRoots(['Chart.yaml', 'charts/app/Chart.yml', 'charts/app/values.yaml', 'x/MyChart.yaml', 'Chart.yaml.bak', 'y/chart.yaml'])).toEqual(['templates/', 'charts/app/templates/']);
  });
});

describe('isCiFile', () => {
  it.each([
    ['.github/workflows/ci.yml', true],
    ['.github/workflows/ci.yaml', true],
    ['.github/workflows/sub/ci.yaml', false],
    ['x/.github/workflows/ci.yaml', false],
    ['.github/workflows/ci.json', false],
    ['.github/workflows/ci.yml.bak', false],
    ['azure-pipelines.yml', true],
    ['build/azure-pipelines-release.yaml', true],
    ['.gitlab-ci.yml', true],
    ['ci/.gitlab-ci.yaml', true],
    ['Jenkinsfile', true],
    ['jobs/Jenkinsfile', true],
    ['MyJenkinsfile', false],
    ['Jenkinsfile.bak', false],
    ['bitbucket-pipelines.yml', true],
    ['my-bitbucket-pipelines.yml', false],
    ['deploy/job.yaml', false],
  ])('%s → %s', (path, expected) => {
    expect(isCiFile(path)).toBe(expected);
  });
});

describe('finding helpers', () => {
  it('messageIn picks Spanish only when asked and present', () => {
    expect(messageIn({ message: 'en', messageEs: 'es' }, 'es')).toBe('es');
    expect(messageIn({ message: 'en', messageEs: 'es' }, 'en')).toBe('en');
    expect(messageIn({ message: 'en' }, 'es')).toBe('en');
    expect(messageFields(text)).toStrictEqual({ message: 'the detail', messageEs: 'el detalle' });
  });

  it('sortFindings orders by file, line, column, then rule, without touching its input', () => {
    const f = (file: string, rule: string, line?: number, column?: number): CheckFinding => ({ rule, severity: 'error', file, message: '', ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) });
    const input = [f('b', 'r1', 1), f('a', 'r2', 2, 3), f('a', 'r1', 2, 3), f('a', 'r9', 2, 1), f('a', 'r0', 10), f('a', 'r9'), f('a', 'r3', 2)];
    const copy = [...input];
    const key = (x: CheckFinding) => `${x.file}:${x.line ?? '-'}:${x.column ?? '-'}:${x.rule}`;
    expect(sortFindings(input).map(key)).toEqual(['a:-:-:r9', 'a:2:-:r3', 'a:2:1:r9', 'a:2:3:r1', 'a:2:3:r2', 'a:10:-:r0', 'b:1:-:r1']);
    expect(input).toEqual(copy);
  });
});

describe('rule docs', () => {
  it('render a rule in English then Spanish, with its validator rules and an exemption example', () => {
    const rule = findRule('k8s-container-resources')!;
    expect(ruleDoc(rule)).toBe(`<!-- Generated from src/policy/rules.ts by \`npm run rule-docs\`. Do not edit. -->
# k8s-container-resources

Family: \`kubernetes\` · default severity: **${rule.severity}**

## ${rule.title.en}

**Why.** ${rule.why.en}

**How to fix.** ${rule.fix.en}

Validator rules reported under it: \`container-resources\`, \`container-ephemeral-storage\`.

## ${rule.title.es}

**Por qué.** ${rule.why.es}

**Cómo corregirlo.** ${rule.fix.es}

Exempt it (temporarily) in \`batch-job.exemptions.yaml\`:

\`\`\`yaml
exemptions:
  - rule: k8s-container-resources
    path: "path/glob/**"
    justification: why, and the ticket that removes it
    expires: 2026-12-31
\`\`\`
`);
    const plain = findRule('secret-literal')!;
    expect(ruleDoc(plain)).not.toContain('Validator rules');
    expect(ruleDoc(plain)).toContain(`**How to fix.** ${plain.fix.en}\n\n## ${plain.title.es}`);
    expect(ruleDoc({ ...plain, validatorRules: [] })).toBe(ruleDoc(plain));
  });

  it('index every rule in catalogue order', () => {
    const docs = ruleDocs();
    expect([...docs.keys()]).toEqual([...rules.map((r) => `docs/rules/${r.id}.md`), 'docs/rules/README.md']);
    const index = docs.get('docs/rules/README.md')!;
    expect(index.startsWith('<!-- Generated from src/policy/rules.ts by `npm run rule-docs`. Do not edit. -->\n# batch-job check rules\n\n| rule | family | severity | what |\n| --- | --- | --- | --- |\n')).toBe(true);
    const first = rules[0]!;
    expect(index).toContain(`\n| [${first.id}](${first.id}.md) | ${first.family} | ${first.severity} | ${first.title.en} |\n| [${rules[1]!.id}]`);
    expect(index.endsWith(` | ${rules.at(-1)!.title.en} |\n`)).toBe(true);
  });
});
