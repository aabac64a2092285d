import { ManagedYamlFile } from '../../project/managed-yaml-file.js';
import type { Project } from 'projen';
import type { RepoContext } from '../../project/context.js';
import type { ResolvedInstana } from './resolve.js';

export const INSTANA_VALUES_PATH = 'deploy/instana/values.yaml';

/**
 * Values of the `instana-agent` Helm chart. The agent key is only referenced (`agent.keysSecret`), never
 * written (`agent.key`, `agent.downloadKey`); the OTLP receivers the jobs export to are switched on.
 */
export function instanaValues(instana: ResolvedInstana): object {
  return {
    agent: {
      keysSecret: instana.keysSecret,
      endpointHost: instana.endpointHost,
      // The chart templates the port into a string field: a number renders differently.
      endpointPort: String(instana.endpointPort),
    },
    cluster: { name: instana.cluster },
    zone: { name: instana.zone },
    opentelemetry: { grpc: { enabled: true }, http: { enabled: true } },
  };
}

export function addInstanaFiles(project: Project, ctx: RepoContext): void {
  const instana = ctx.options.instana;
  if (!instana) return;
  new ManagedYamlFile(project, INSTANA_VALUES_PATH, { obj: instanaValues(instana), readonly: true });
}
