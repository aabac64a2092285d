import { InvalidInputError } from '../../errors.js';
import { policy } from '../../policy/index.js';
import type { InstanaOptions } from '../../project/options.js';
import { looksLikeKeyMaterial } from '../../util/secrets.js';
import { dns1123SubdomainProblems } from '../../validation/apiserver/names.js';

/** The Instana agent settings with the policy's defaults applied. */
export interface ResolvedInstana {
  readonly zone: string;
  readonly cluster: string;
  readonly endpointHost: string;
  readonly endpointPort: number;
  readonly keysSecret: string;
}

/** How to hand the agent key to the cluster without it touching a file, an argument or the shell history. */
export function secretFromStdinCommand(secret = policy.instana.keysSecret, namespace = policy.instana.namespace): string {
  return `read -rs INSTANA_KEY && printf %s "$INSTANA_KEY" | kubectl create secret generic ${secret} -n ${namespace} --from-file=key=/dev/stdin`;
}

/**
 * Refuses a value that looks like an agent or download key, wherever it came from. The value is never echoed:
 * it may be a real key.
 */
export function assertNoKeyMaterial(field: string, value: unknown): void {
  if (typeof value === 'string' && looksLikeKeyMaterial(value)) {
    throw new InvalidInputError('key-material', field, '', secretFromStdinCommand());
  }
}

// Instana shows zone and cluster names as labels: letters, digits and a few separators.
const LABEL = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;

function assertLabel(field: string, value: unknown, example: string): string {
  assertNoKeyMaterial(field, value);
  const text = String(value ?? '');
  if (!LABEL.test(text)) throw new InvalidInputError('option-invalid', field, text, example);
  return text;
}

function assertHost(field: string, value: unknown, example: string): string {
  assertNoKeyMaterial(field, value);
  const text = String(value ?? '');
  if (dns1123SubdomainProblems(text).length > 0) throw new InvalidInputError('host-invalid', field, text, example);
  return text;
}

/** Validates the `instana` option; `false` means no values file. */
export function resolveInstana(options: InstanaOptions | false | undefined): ResolvedInstana | undefined {
  if (options === false) return undefined;
  const o = options ?? {};
  const d = policy.instana;
  const port = o.endpointPort ?? d.endpointPort;
  assertNoKeyMaterial('instana.endpointPort', typeof port === 'string' ? port : undefined);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new InvalidInputError('port-invalid', 'instana.endpointPort', String(port ?? ''), String(d.endpointPort));
  }
  return {
    zone: assertLabel('instana.zone', o.zone ?? d.zone, d.zone),
    cluster: assertLabel('instana.cluster', o.cluster ?? d.cluster, d.cluster),
    endpointHost: assertHost('instana.endpointHost', o.endpointHost ?? d.endpointHost, d.endpointHost),
    endpointPort: port,
    keysSecret: assertHost('instana.keysSecret', o.keysSecret ?? d.keysSecret, d.keysSecret),
  };
}

/** Splits `--instana-endpoint host:port` into the two options. */
export function parseEndpoint(field: string, value: string): { endpointHost: string; endpointPort: number } {
  assertNoKeyMaterial(field, value);
  const match = /^([^:]+):(\d{1,5})$/.exec(value);
  if (!match) throw new InvalidInputError('option-invalid', field, value, `${policy.instana.endpointHost}:${policy.instana.endpointPort}`);
  return { endpointHost: match[1]!, endpointPort: Number(match[2]) };
}
