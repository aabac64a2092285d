import { describe, expect, it } from 'vitest';
import type { CheckFinding, ExemptedFinding, RepoReport } from '../../../src/check/finding.js';
import { JSON_REPORT_VERSION, ruleDocUri, summarize, toJson, toSarif } from '../../../src/check/format/report.js';
import { policy } from '../../../src/policy/index.js';
import { findRule, RULE_DOCS_BASE, rules } from '../../../src/policy/rules.js';
import { packageJson } from '../../../src/util/package-info.js';

// The JSON and SARIF reports field by field: consumers (CI annotations, code-scanning upload) read them by name, so
// every field, its absence when empty and its language are part of the contract.

const title = (rule: string, lang: 'en' | 'es') => findRule(rule)!.title[lang];

const located: CheckFinding = {
  rule: 'k8s-container-resources',
  severity: 'warning',
  file: 'deploy/my job#1.yaml',
  line: 12,
  column: 9,
  message: 'container "app" has no memory limit',
  messageEs: 'el contenedor "app" no tiene límite de memoria',
  detail: 'container-resources',
};
const wholeFile: CheckFinding = { rule: 'dockerfile-dockerignore', severity: 'error', file: 'Dockerfile', message: 'no .dockerignore next to it' };
const waived: ExemptedFinding = { ...wholeFile, file: 'tools/Dockerfile', messageEs: 'sin .dockerignore', justification: 'vendor tool (T-1)', expires: '2030-01-31' };

const report: RepoReport = {
  name: 'shop',
  root: '/repos/shop',
  filesScanned: 7,
  findings: [located, wholeFile],
  exempted: [waived],
  notes: [
    { kind: 'binary', file: 'data/x y.yaml', message: 'binary file skipped', messageEs: 'archivo binario omitido' },
    { kind: 'kustomize-failed', message: 'kubectl failed' },
  ],
};
const clean: RepoReport = { name: '.', root: '', filesScanned: 0, findings: [], exempted: [], notes: [] };

describe('ruleDocUri', () => {
  it('points at the rule\'s markdown under the docs base', () => {
    expect(ruleDocUri('secret-literal')).toBe(`${RULE_DOCS_BASE}secret-literal.md`);
    expect(RULE_DOCS_BASE).toBe('https://github.com/create-batch-job/create-batch-job/blob/main/docs/rules/');
  });
});

describe('summarize', () => {
  it('the worst rule is taken among warnings only when there is no error', () => {
    expect(summarize([wholeFile, located, located])).toEqual({ errors: 1, warnings: 2, worstRule: 'dockerfile-dockerignore' });
    expect(summarize([located])).toEqual({ errors: 0, warnings: 1, worstRule: 'k8s-container-resources' });
  });
});

describe('toJson', () => {
  it('writes every field, in the report language, with title and help link; absent fields stay absent', () => {
    for (const lang of ['en', 'es'] as const) {
      const text = toJson([report, clean], lang);
      expect(text.endsWith('}\n')).toBe(true);
      expect(text).toContain('\n  "version": 1,\n');
      const es = lang === 'es';
      expect(JSON.parse(text)).toStrictEqual({
        version: JSON_REPORT_VERSION,
        tool: { name: 'batch-job', version: packageJson.version, policyVersion: policy.version },
        summary: { errors: 1, warnings: 1, worstRule: 'dockerfile-dockerignore' },
        repositories: [
          {
            name: 'shop',
            root: '/repos/shop',
            filesScanned: 7,
            summary: { errors: 1, warnings: 1, worstRule: 'dockerfile-dockerignore' },
            findings: [
              {
                rule: 'k8s-container-resources',
                severity: 'warning',
                file: 'deploy/my job#1.yaml',
                line: 12,
                column: 9,
                message: es ? 'el contenedor "app" no tiene límite de memoria' : 'container "app" has no memory limit',
                detail: 'container-resources',
                title: title('k8s-container-resources', lang),
                helpUri: `${RULE_DOCS_BASE}k8s-container-resources.md`,
              },
              // No Spanish text: the English one stands in.
              { rule: 'dockerfile-dockerignore', severity: 'error', file: 'Dockerfile', message: 'no .dockerignore next to it', title: title('dockerfile-dockerignore', lang), helpUri: `${RULE_DOCS_BASE}dockerfile-dockerignore.md` },
            ],
            exempted: [
              {
                rule: 'dockerfile-dockerignore',
                severity: 'error',
                file: 'tools/Dockerfile',
                message: es ? 'sin .dockerignore' : 'no .dockerignore next to it',
                justification: 'vendor tool (T-1)',
                expires: '2030-01-31',
                title: title('dockerfile-dockerignore', lang),
                helpUri: `${RULE_DOCS_BASE}dockerfile-dockerignore.md`,
              },
            ],
            notes: [
              { kind: 'binary', file: 'data/x y.yaml', message: es ? 'archivo binario omitido' : 'binary file skipped' },
              { kind: 'kustomize-failed', message: 'kubectl failed' },
            ],
          },
          { name: '.', root: '', filesScanned: 0, summary: { errors: 0, warnings: 0 }, findings: [], exempted: [], notes: [] },
        ],
      });
    }
    expect(JSON_REPORT_VERSION).toBe(1);
  });

  it('a rule outside the catalogue keeps its id as title', () => {
    const odd: RepoReport = { ...clean, findings: [{ ...wholeFile, rule: 'not-a-rule' }] };
    expect(JSON.parse(toJson([odd], 'en')).repositories[0].findings[0].title).toBe('not-a-rule');
  });
});

describe('toSarif', () => {
  type Sarif = { $schema: string; version: string; runs: Record<string, unknown>[] };
  const sarif = (reports: RepoReport[], lang: 'en' | 'es'): Sarif => JSON.parse(toSarif(reports, lang)) as Sarif;

  it('is a SARIF 2.1.0 log with one run per repository, ending in a newline', () => {
    const text = toSarif([report, clean], 'en');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "version": "2.1.0",\n');
    const log = sarif([report, clean], 'en');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(2);
  });

  it('describes every catalogue rule in the driver, in the report language', () => {
    for (const lang of ['en', 'es'] as const) {
      const driver = (sarif([report], lang).runs[0]!.tool as { driver: Record<string, unknown> }).driver;
      expect({ ...driver, rules: undefined }).toStrictEqual({
        name: 'batch-job',
        fullName: 'batch-job check (create-batch-job)',
        version: packageJson.version,
        semanticVersion: packageJson.version,
        informationUri: `${RULE_DOCS_BASE}README.md`,
        rules: undefined,
      });
      const described = driver.rules as Record<string, unknown>[];
      expect(described.map((r) => r.id)).toEqual(rules.map((r) => r.id));
      const rule = findRule('k8s-container-resources')!;
      expect(described.find((r) => r.id === rule.id)).toStrictEqual({
        id: 'k8s-container-resources',
        name: 'K8sContainerResources',
        shortDescription: { text: rule.title[lang] },
        fullDescription: { text: rule.why[lang] },
        help: { text: rule.fix[lang], markdown: `${rule.fix[lang]}\n\n[k8s-container-resources](${RULE_DOCS_BASE}k8s-container-resources.md)` },
        helpUri: `${RULE_DOCS_BASE}k8s-container-resources.md`,
        defaultConfiguration: { level: rule.severity },
        properties: { tags: [rule.family], 'problem.severity': rule.severity },
      });
      expect(described.find((r) => r.id === 'dotnet-banned-package-transitive')!.name).toBe('DotnetBannedPackageTransitive');
    }
  });

  it('roots locations at the scanned folder, names the run after the repository and lists notes as notifications', () => {
    const [run, cleanRun] = sarif([report, { ...clean, root: '/repos/with space/' }], 'es').runs;
    expect(run!.originalUriBaseIds).toStrictEqual({ SRCROOT: { uri: 'file:///repos/shop/' } });
    expect(cleanRun!.originalUriBaseIds).toStrictEqual({ SRCROOT: { uri: 'file:///repos/with%20space/' } });
    expect(run!.automationDetails).toStrictEqual({ id: 'batch-job-check/shop/' });
    expect(run!.invocations).toStrictEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          { level: 'note', message: { text: 'archivo binario omitido' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'data/x%20y.yaml', uriBaseId: 'SRCROOT' } } }] },
          { level: 'note', message: { text: 'kubectl failed' } },
        ],
      },
    ]);
    // No root (a report built in memory): no base to resolve against.
    expect('originalUriBaseIds' in sarif([clean], 'en').runs[0]!).toBe(false);
  });

  it('gives each result its rule index, level, titled message, encoded location and validator rule', () => {
    for (const lang of ['en', 'es'] as const) {
      const results = sarif([report], lang).runs[0]!.results;
      expect(results).toStrictEqual([
        {
          ruleId: 'k8s-container-resources',
          ruleIndex: rules.findIndex((r) => r.id === 'k8s-container-resources'),
          level: 'warning',
          message: { text: `${title('k8s-container-resources', lang)}: ${lang === 'es' ? 'el contenedor "app" no tiene límite de memoria' : 'container "app" has no memory limit'}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'deploy/my%20job%231.yaml', uriBaseId: 'SRCROOT' }, region: { startLine: 12, startColumn: 9 } } }],
          properties: { validatorRule: 'container-resources' },
        },
        {
          ruleId: 'dockerfile-dockerignore',
          ruleIndex: rules.findIndex((r) => r.id === 'dockerfile-dockerignore'),
          level: 'error',
          message: { text: `${title('dockerfile-dockerignore', lang)}: no .dockerignore next to it` },
          // A finding about the whole file points at its first line.
          locations: [{ physicalLocation: { artifactLocation: { uri: 'Dockerfile', uriBaseId: 'SRCROOT' }, region: { startLine: 1 } } }],
        },
      ]);
    }
    expect(rules.findIndex((r) => r.id === 'dockerfile-dockerignore')).toBeGreaterThan(0);
  });

  it('a rule outside the catalogue has index -1 and its id as title', () => {
    const [result] = sarif([{ ...clean, findings: [{ ...wholeFile, rule: 'not-a-rule', line: 3 }] }], 'en').runs[0]!.results as Record<string, unknown>[];
    expect(result!.ruleIndex).toBe(-1);
    expect(result!.message).toStrictEqual({ text: 'not-a-rule: no .dockerignore next to it' });
  });
});
