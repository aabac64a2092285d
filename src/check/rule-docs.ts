import { rules, type Rule } from '../policy/rules.js';

/** `docs/rules/<id>.md`, rendered from the rule catalogue (English then Spanish). */
export function ruleDoc(rule: Rule): string {
  const mapped = rule.validatorRules?.length ? `\nValidator rules reported under it: ${rule.validatorRules.map((r) => `\`${r}\``).join(', ')}.\n` : '';
  return `<!-- Generated from src/policy/rules.ts by \`npm run rule-docs\`. Do not edit. -->
# ${rule.id}

Family: \`${rule.family}\` · default severity: **${rule.severity}**

## ${rule.title.en}

**Why.** ${rule.why.en}

**How to fix.** ${rule.fix.en}
${mapped}
## ${rule.title.es}

**Por qué.** ${rule.why.es}

**Cómo corregirlo.** ${rule.fix.es}

Exempt it (temporarily) in \`batch-job.exemptions.yaml\`:

\`\`\`yaml
exemptions:
  - rule: ${rule.id}
    path: "path/glob/**"
    justification: why, and the ticket that removes it
    expires: 2026-12-31
\`\`\`
`;
}

/** Every rule doc plus the index, as path → content. */
export function ruleDocs(): Map<string, string> {
  const docs = new Map(rules.map((rule) => [`docs/rules/${rule.id}.md`, ruleDoc(rule)]));
  const rows = rules.map((rule) => `| [${rule.id}](${rule.id}.md) | ${rule.family} | ${rule.severity} | ${rule.title.en} |`);
  docs.set(
    'docs/rules/README.md',
    `<!-- Generated from src/policy/rules.ts by \`npm run rule-docs\`. Do not edit. -->
# batch-job check rules

| rule | family | severity | what |
| --- | --- | --- | --- |
${rows.join('\n')}
`,
  );
  return docs;
}
