import { pathToFileURL } from 'node:url';
import type { Lang } from '../../cli/i18n.js';
import { policy } from '../../policy/index.js';
import { findRule, rules, RULE_DOCS_BASE, type RuleSeverity } from '../../policy/rules.js';
import { packageJson } from '../../util/package-info.js';
import { messageIn, type CheckFinding, type RepoReport } from '../finding.js';

export type FailOn = 'error' | 'warning' | 'never';

export interface Summary {
  readonly errors: number;
  readonly warnings: number;
  /** The rule with the most findings of the worst severity present; undefined when clean. */
  readonly worstRule?: string;
}

export function summarize(findings: readonly CheckFinding[]): Summary {
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const worst = errors.length > 0 ? errors : warnings;
  const counts = new Map<string, number>();
  for (const f of worst) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  const worstRule = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  return { errors: errors.length, warnings: warnings.length, ...(worstRule ? { worstRule } : {}) };
}

/** 1 when a finding reaches `--fail-on`, else 0. */
export function exitCodeFor(reports: readonly RepoReport[], failOn: FailOn): number {
  if (failOn === 'never') return 0;
  const levels: RuleSeverity[] = failOn === 'error' ? ['error'] : ['error', 'warning'];
  return reports.some((r) => r.findings.some((f) => levels.includes(f.severity))) ? 1 : 0;
}

export const ruleDocUri = (id: string) => `${RULE_DOCS_BASE}${id}.md`;

// ---- JSON ----

/** Version of the JSON report's shape (`check-report.schema.json`); bumped on any incompatible change. */
export const JSON_REPORT_VERSION = 1;

export function toJson(reports: readonly RepoReport[], lang: Lang): string {
  const all = reports.flatMap((r) => r.findings);
  const withTitle = <T extends CheckFinding>({ messageEs, ...f }: T) => ({ ...f, message: messageIn({ message: f.message, messageEs }, lang), title: findRule(f.rule)?.title[lang] ?? f.rule, helpUri: ruleDocUri(f.rule) });
  const body = {
    version: JSON_REPORT_VERSION,
    tool: { name: 'batch-job', version: packageJson.version, policyVersion: policy.version },
    summary: summarize(all),
    repositories: reports.map((r) => ({
      name: r.name,
      root: r.root,
      filesScanned: r.filesScanned,
      summary: summarize(r.findings),
      findings: r.findings.map(withTitle),
      exempted: r.exempted.map(withTitle),
      notes: r.notes.map(({ messageEs, ...n }) => ({ ...n, message: messageIn({ message: n.message, messageEs }, lang) })),
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

// ---- SARIF 2.1.0 ----

export function toSarif(reports: readonly RepoReport[], lang: Lang): string {
  const driverRules = rules.map((rule) => ({
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.title[lang] },
    fullDescription: { text: rule.why[lang] },
    help: { text: rule.fix[lang], markdown: `${rule.fix[lang]}\n\n[${rule.id}](${ruleDocUri(rule.id)})` },
    helpUri: ruleDocUri(rule.id),
    defaultConfiguration: { level: rule.severity },
    properties: { tags: [rule.family], 'problem.severity': rule.severity },
  }));
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const runs = reports.map((r) => ({
    tool: {
      driver: {
        name: 'batch-job',
        fullName: 'batch-job check (create-batch-job)',
        version: packageJson.version,
        semanticVersion: packageJson.version,
        informationUri: `${RULE_DOCS_BASE}README.md`,
        rules: driverRules,
      },
    },
    ...(r.root ? { originalUriBaseIds: { SRCROOT: { uri: `${pathToFileURL(r.root).href.replace(/\/?$/, '/')}` } } } : {}),
    automationDetails: { id: `batch-job-check/${r.name}/` },
    invocations: [
      {
        executionSuccessful: true,
        toolExecutionNotifications: r.notes.map((n) => ({
          level: 'note',
          message: { text: messageIn(n, lang) },
          ...(n.file ? { locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(n.file), uriBaseId: 'SRCROOT' } } }] } : {}),
        })),
      },
    ],
    results: r.findings.map((f) => ({
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule) ?? -1,
      level: f.severity,
      message: { text: `${findRule(f.rule)?.title[lang] ?? f.rule}: ${messageIn(f, lang)}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeUri(f.file), uriBaseId: 'SRCROOT' },
            region: { startLine: f.line ?? 1, ...(f.column ? { startColumn: f.column } : {}) },
          },
        },
      ],
      ...(f.detail ? { properties: { validatorRule: f.detail } } : {}),
    })),
  }));
  return `${JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs }, null, 2)}\n`;
}

const encodeUri = (path: string) => path.split('/').map(encodeURIComponent).join('/');
