/**
 * JSON Schema (draft 2020-12) of `batch-job check --format json`, version `JSON_REPORT_VERSION`. Stable: fields are
 * only added; a rename or removal bumps `version`. A unit test validates real reports against it.
 */
const finding = {
  type: 'object',
  required: ['rule', 'severity', 'file', 'message', 'title', 'helpUri'],
  additionalProperties: false,
  properties: {
    rule: { type: 'string', pattern: '^[a-z0-9-]+$', description: 'Catalogue rule id; docs/rules/<rule>.md explains it' },
    severity: { enum: ['error', 'warning'] },
    file: { type: 'string', description: 'Repository-relative path, / separated' },
    line: { type: 'integer', minimum: 1 },
    column: { type: 'integer', minimum: 1 },
    message: { type: 'string', description: 'Detail in the report language (--lang); never contains a secret value' },
    detail: { type: 'string', description: 'Validator rule id for Kubernetes findings' },
    title: { type: 'string', description: 'Rule title in the report language' },
    helpUri: { type: 'string' },
    justification: { type: 'string' },
    expires: { type: 'string' },
  },
} as const;

const summary = {
  type: 'object',
  required: ['errors', 'warnings'],
  additionalProperties: false,
  properties: { errors: { type: 'integer', minimum: 0 }, warnings: { type: 'integer', minimum: 0 }, worstRule: { type: 'string' } },
} as const;

export const reportSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://create-batch-job/check-report.schema.json',
  title: 'batch-job check report',
  type: 'object',
  required: ['version', 'tool', 'summary', 'repositories'],
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    tool: {
      type: 'object',
      required: ['name', 'version', 'policyVersion'],
      additionalProperties: false,
      properties: { name: { const: 'batch-job' }, version: { type: 'string' }, policyVersion: { type: 'string' } },
    },
    summary,
    repositories: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'root', 'filesScanned', 'summary', 'findings', 'exempted', 'notes'],
        additionalProperties: false,
        properties: {
          name: { type: 'string' },
          root: { type: 'string' },
          filesScanned: { type: 'integer', minimum: 0 },
          summary,
          findings: { type: 'array', items: finding },
          exempted: { type: 'array', items: { ...finding, required: [...finding.required, 'justification', 'expires'] } },
          notes: {
            type: 'array',
            items: {
              type: 'object',
              required: ['kind', 'message'],
              additionalProperties: false,
              properties: { kind: { type: 'string' }, file: { type: 'string' }, message: { type: 'string', description: 'In the report language (--lang)' } },
            },
          },
        },
      },
    },
  },
} as const;
