import { validate as vCronJob } from 'kubernetes-models/_schemas/IoK8sApiBatchV1CronJob';
import { validate as vJob } from 'kubernetes-models/_schemas/IoK8sApiBatchV1Job';
import { validate as vPod } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Pod';
import { validate as vPodTemplate } from 'kubernetes-models/_schemas/IoK8sApiCoreV1PodTemplate';
import { validate as vServiceAccount } from 'kubernetes-models/_schemas/IoK8sApiCoreV1ServiceAccount';
import { validate as vConfigMap } from 'kubernetes-models/_schemas/IoK8sApiCoreV1ConfigMap';
import { validate as vSecret } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Secret';
import { validate as vService } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Service';
import { validate as vNamespace } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Namespace';
import { validate as vRole } from 'kubernetes-models/_schemas/IoK8sApiRbacV1Role';
import { validate as vRoleBinding } from 'kubernetes-models/_schemas/IoK8sApiRbacV1RoleBinding';
import { validate as vClusterRole } from 'kubernetes-models/_schemas/IoK8sApiRbacV1ClusterRole';
import { validate as vClusterRoleBinding } from 'kubernetes-models/_schemas/IoK8sApiRbacV1ClusterRoleBinding';
import { validate as vIngress } from 'kubernetes-models/_schemas/IoK8sApiNetworkingV1Ingress';
import { validate as vNetworkPolicy } from 'kubernetes-models/_schemas/IoK8sApiNetworkingV1NetworkPolicy';
import { validate as vDeployment } from 'kubernetes-models/_schemas/IoK8sApiAppsV1Deployment';
import { validate as vStatefulSet } from 'kubernetes-models/_schemas/IoK8sApiAppsV1StatefulSet';
import { validate as vDaemonSet } from 'kubernetes-models/_schemas/IoK8sApiAppsV1DaemonSet';
import { validate as vPodDisruptionBudget } from 'kubernetes-models/_schemas/IoK8sApiPolicyV1PodDisruptionBudget';
import { validate as vHTTPRoute } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1HTTPRoute';
import { validate as vGRPCRoute } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1GRPCRoute';
import { validate as vGateway } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1Gateway';
import { objectRef, type Finding, type KubeObject } from '../types.js';
import { validateKustomization } from './kustomization.js';
import { findUnknownFields, pointerToPath, type AjvError, type SchemaValidator } from './strict.js';

/**
 * The OpenAPI schema validators shipped (pre-compiled by ajv) in `kubernetes-models` and
 * `@kubernetes-models/gateway-api`: the same functions `new CronJob(obj).validate()` runs, called directly so the
 * errors come back as data instead of a thrown `ValidationError`.
 */
const SCHEMAS: ReadonlyMap<string, SchemaValidator> = new Map<string, unknown>([
  ['batch/v1 CronJob', vCronJob],
  ['batch/v1 Job', vJob],
  ['v1 Pod', vPod],
  ['v1 PodTemplate', vPodTemplate],
  ['v1 ServiceAccount', vServiceAccount],
  ['v1 ConfigMap', vConfigMap],
  ['v1 Secret', vSecret],
  ['v1 Service', vService],
  ['v1 Namespace', vNamespace],
  ['rbac.authorization.k8s.io/v1 Role', vRole],
  ['rbac.authorization.k8s.io/v1 RoleBinding', vRoleBinding],
  ['rbac.authorization.k8s.io/v1 ClusterRole', vClusterRole],
  ['rbac.authorization.k8s.io/v1 ClusterRoleBinding', vClusterRoleBinding],
  ['networking.k8s.io/v1 Ingress', vIngress],
  ['networking.k8s.io/v1 NetworkPolicy', vNetworkPolicy],
  ['apps/v1 Deployment', vDeployment],
  ['apps/v1 StatefulSet', vStatefulSet],
  ['apps/v1 DaemonSet', vDaemonSet],
  ['policy/v1 PodDisruptionBudget', vPodDisruptionBudget],
  ['gateway.networking.k8s.io/v1 HTTPRoute', vHTTPRoute],
  ['gateway.networking.k8s.io/v1 GRPCRoute', vGRPCRoute],
  ['gateway.networking.k8s.io/v1 Gateway', vGateway],
]) as ReadonlyMap<string, SchemaValidator>;

/** `apiVersion kind` pairs `validateSchema` knows (plus `kustomize.config.k8s.io/v1beta1 Kustomization`). */
export const SCHEMA_KINDS: readonly string[] = [...SCHEMAS.keys(), 'kustomize.config.k8s.io/v1beta1 Kustomization'];

/**
 * Structural validation of one object against the Kubernetes OpenAPI schema of its `apiVersion`/`kind`:
 * types, required fields, enums, formats (int32/int64), patterns and bounds the schema declares; plus unknown
 * (misspelled) fields, which the schemas themselves accept (they carry no `additionalProperties: false`) — those
 * are found by watching which properties the schema validator reads (see `strict.ts`).
 *
 * Findings: source `schema`, severity `error`, rules `schema-<ajv keyword>` (`schema-type`, `schema-required`,
 * `schema-enum`, `schema-format`, …), `schema-unknown-field` and `schema-unknown-kind`.
 */
export function validateSchema(obj: KubeObject): Finding[] {
  const ref = objectRef(obj);
  const finding = (rule: string, path: string, message: string): Finding => ({ source: 'schema', rule, severity: 'error', path, message, object: ref });
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    return [finding('schema-type', '', 'a Kubernetes object must be a mapping')];
  }
  const missing: Finding[] = [];
  if (typeof obj.apiVersion !== 'string' || obj.apiVersion === '') missing.push(finding('schema-required', 'apiVersion', 'apiVersion is required'));
  if (typeof obj.kind !== 'string' || obj.kind === '') missing.push(finding('schema-required', 'kind', 'kind is required'));
  if (missing.length > 0) return missing;

  if (obj.apiVersion === 'kustomize.config.k8s.io/v1beta1' && obj.kind === 'Kustomization') {
    return validateKustomization(obj).map((f) => finding(f.rule, f.path, f.message));
  }
  const validator = SCHEMAS.get(`${obj.apiVersion} ${obj.kind}`);
  if (validator === undefined) {
    const sameKind = [...SCHEMAS.keys()].filter((k) => k.endsWith(` ${obj.kind}`)).map((k) => k.split(' ')[0]);
    const hint = sameKind.length > 0 ? `; ${obj.kind} is known as apiVersion ${sameKind.join(', ')}` : '';
    return [finding('schema-unknown-kind', 'kind', `no schema for apiVersion ${obj.apiVersion} kind ${obj.kind}${hint}`)];
  }

  const { errors, unknown, toPath } = findUnknownFields(obj, validator);
  return [
    ...convertErrors(errors, obj, toPath).map((e) => finding(e.rule, e.path, e.message)),
    ...unknown.map((u) => finding('schema-unknown-field', u.path, `unknown field "${u.field}"`)),
  ];
}

interface Converted {
  readonly rule: string;
  readonly path: string;
  readonly message: string;
}

/** Turns ajv errors into one message per problem; int-or-string/quantity `oneOf` failures become one `schema-type`. */
export function convertErrors(errors: readonly AjvError[], root: unknown, toPath: (pointer: string) => string = (p) => pointerToPath(p, root)): Converted[] {
  const alternatives = new Set(errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath));
  const typesAt = new Map<string, string[]>();
  const out: Converted[] = [];
  const seen = new Set<string>();
  const push = (c: Converted): void => {
    const id = `${c.rule}|${c.path}|${c.message}`;
    if (!seen.has(id)) {
      seen.add(id);
      out.push(c);
    }
  };
  for (const e of errors) {
    if (e.keyword === 'type' && alternatives.has(e.instancePath)) {
      const list = typesAt.get(e.instancePath) ?? [];
      list.push(String(e.params.type));
      typesAt.set(e.instancePath, list);
    }
  }
  for (const e of errors) {
    const path = toPath(e.instancePath);
    const value = valueAt(root, e.instancePath);
    switch (e.keyword) {
      case 'type':
        if (alternatives.has(e.instancePath)) break;
        push({ rule: 'schema-type', path, message: `must be ${String(e.params.type)}, got ${describeValue(value)}` });
        break;
      case 'oneOf':
      case 'anyOf': {
        const types = typesAt.get(e.instancePath);
        if (types !== undefined && types.length > 0) {
          push({ rule: 'schema-type', path, message: `must be ${[...new Set(types)].join(' or ')}, got ${describeValue(value)}` });
        } else {
          push({ rule: `schema-${e.keyword}`, path, message: `must match ${e.keyword === 'oneOf' ? 'exactly one' : 'at least one'} of the allowed shapes` });
        }
        break;
      }
      case 'required': {
        const missing = String(e.params.missingProperty);
        push({ rule: 'schema-required', path: toPath(`${e.instancePath}/${missing.replace(/~/g, '~0').replace(/\//g, '~1')}`), message: `required field "${missing}" is missing` });
        break;
      }
      case 'enum':
        push({ rule: 'schema-enum', path, message: `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(value)}` });
        break;
      case 'format':
        push({ rule: 'schema-format', path, message: `must be a valid ${String(e.params.format)}, got ${describeValue(value)}` });
        break;
      case 'pattern':
        push({ rule: 'schema-pattern', path, message: `must match ${String(e.params.pattern)}, got ${describeValue(value)}` });
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        push({ rule: `schema-${e.keyword}`, path, message: `must be ${String(e.params.comparison)} ${String(e.params.limit)}, got ${describeValue(value)}` });
        break;
      case 'minLength':
      case 'maxLength':
      case 'minItems':
      case 'maxItems':
      case 'minProperties':
      case 'maxProperties': {
        const bound = e.keyword.startsWith('min') ? 'at least' : 'at most';
        const unit = e.keyword.endsWith('Length') ? 'characters' : e.keyword.endsWith('Items') ? 'items' : 'entries';
        push({ rule: `schema-${e.keyword}`, path, message: `must have ${bound} ${String(e.params.limit)} ${unit}` });
        break;
      }
      default:
        push({ rule: `schema-${e.keyword}`, path, message: e.message ?? `fails schema keyword ${e.keyword} ${JSON.stringify(e.params)}` });
    }
  }
  return out;
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  return `${typeof value} ${String(value)}`;
}
