import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { objectRef, type Finding, type KubeObject } from '../types.js';
import { validateKustomization } from './kustomization.js';
import { findUnknownFields, pointerToPath, type AjvError, type SchemaValidator } from './strict.js';

/**
 * The OpenAPI schema validators shipped (pre-compiled by ajv) in `kubernetes-models` and
 * `@kubernetes-models/gateway-api`: the same functions `new CronJob(obj).validate()` runs, called directly so the
 * errors come back as data instead of a thrown `ValidationError`. Each module (with the schemas it references) is
 * loaded the first time an object of its kind is validated: loading all of them costs ~0.25 s of start-up that
 * most repositories (CronJobs, Jobs and ConfigMaps) never use.
 */
const SCHEMA_MODULES: ReadonlyMap<string, readonly [pkg: string, module: string]> = new Map([
  ['batch/v1 CronJob', ['kubernetes-models', 'IoK8sApiBatchV1CronJob']],
  ['batch/v1 Job', ['kubernetes-models', 'IoK8sApiBatchV1Job']],
  ['v1 Pod', ['kubernetes-models', 'IoK8sApiCoreV1Pod']],
  ['v1 PodTemplate', ['kubernetes-models', 'IoK8sApiCoreV1PodTemplate']],
  ['v1 ServiceAccount', ['kubernetes-models', 'IoK8sApiCoreV1ServiceAccount']],
  ['v1 ConfigMap', ['kubernetes-models', 'IoK8sApiCoreV1ConfigMap']],
  ['v1 Secret', ['kubernetes-models', 'IoK8sApiCoreV1Secret']],
  ['v1 Service', ['kubernetes-models', 'IoK8sApiCoreV1Service']],
  ['v1 Namespace', ['kubernetes-models', 'IoK8sApiCoreV1Namespace']],
  ['rbac.authorization.k8s.io/v1 Role', ['kubernetes-models', 'IoK8sApiRbacV1Role']],
  ['rbac.authorization.k8s.io/v1 RoleBinding', ['kubernetes-models', 'IoK8sApiRbacV1RoleBinding']],
  ['rbac.authorization.k8s.io/v1 ClusterRole', ['kubernetes-models', 'IoK8sApiRbacV1ClusterRole']],
  ['rbac.authorization.k8s.io/v1 ClusterRoleBinding', ['kubernetes-models', 'IoK8sApiRbacV1ClusterRoleBinding']],
  ['networking.k8s.io/v1 Ingress', ['kubernetes-models', 'IoK8sApiNetworkingV1Ingress']],
  ['networking.k8s.io/v1 NetworkPolicy', ['kubernetes-models', 'IoK8sApiNetworkingV1NetworkPolicy']],
  ['apps/v1 Deployment', ['kubernetes-models', 'IoK8sApiAppsV1Deployment']],
  ['apps/v1 StatefulSet', ['kubernetes-models', 'IoK8sApiAppsV1StatefulSet']],
  ['apps/v1 DaemonSet', ['kubernetes-models', 'IoK8sApiAppsV1DaemonSet']],
  ['policy/v1 PodDisruptionBudget', ['kubernetes-models', 'IoK8sApiPolicyV1PodDisruptionBudget']],
  ['gateway.networking.k8s.io/v1 HTTPRoute', ['@kubernetes-models/gateway-api', 'IoK8sSigsGatewayApiApisV1HTTPRoute']],
  ['gateway.networking.k8s.io/v1 GRPCRoute', ['@kubernetes-models/gateway-api', 'IoK8sSigsGatewayApiApisV1GRPCRoute']],
  ['gateway.networking.k8s.io/v1 Gateway', ['@kubernetes-models/gateway-api', 'IoK8sSigsGatewayApiApisV1Gateway']],
]);

const require = createRequire(import.meta.url);
const packageDirs = new Map<string, string>();
const loadedSchemas = new Map<string, SchemaValidator>();

/**
 * The validator for `apiVersion kind`, loaded on first use. The packages export their schema modules to `import`
 * only, so the file is required by path (Node loads an ES module synchronously through `require`).
 */
export function schemaValidator(apiVersionKind: string): SchemaValidator | undefined {
  const loaded = loadedSchemas.get(apiVersionKind);
  if (loaded !== undefined) return loaded;
  const where = SCHEMA_MODULES.get(apiVersionKind);
  if (where === undefined) return undefined;
  const [pkg, module] = where;
  let dir = packageDirs.get(pkg);
  if (dir === undefined) {
    dir = dirname(require.resolve(`${pkg}/package.json`));
    packageDirs.set(pkg, dir);
  }
  const validator = (require(join(dir, '_schemas', `${module}.js`)) as { validate: SchemaValidator }).validate;
  if (typeof validator !== 'function') throw new Error(`${pkg} ${module} has no validate function`);
  loadedSchemas.set(apiVersionKind, validator);
  return validator;
}

/** `apiVersion kind` pairs `validateSchema` knows (plus `kustomize.config.k8s.io/v1beta1 Kustomization`). */
export const SCHEMA_KINDS: readonly string[] = [...SCHEMA_MODULES.keys(), 'kustomize.config.k8s.io/v1beta1 Kustomization'];

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
  // A YAML document that is just `null` reaches here too: it has no kind or name to name it by.
  const ref = obj === null || obj === undefined ? '?/?' : objectRef(obj);
  const finding = (rule: string, path: string, message: string, messageEs?: string): Finding => ({ source: 'schema', rule, severity: 'error', path, message, ...(messageEs !== undefined ? { messageEs } : {}), object: ref });
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
  const validator = schemaValidator(`${obj.apiVersion} ${obj.kind}`);
  if (validator === undefined) {
    const sameKind = [...SCHEMA_MODULES.keys()].filter((k) => k.endsWith(` ${obj.kind}`)).map((k) => k.split(' ')[0]);
    const hint = sameKind.length > 0 ? `; ${obj.kind} is known as apiVersion ${sameKind.join(', ')}` : '';
    const hintEs = sameKind.length > 0 ? `; ${obj.kind} existe como apiVersion ${sameKind.join(', ')}` : '';
    return [finding('schema-unknown-kind', 'kind', `no schema for apiVersion ${obj.apiVersion} kind ${obj.kind}${hint}`, `no hay esquema para apiVersion ${obj.apiVersion} kind ${obj.kind}${hintEs}`)];
  }

  const { errors, unknown, toPath } = findUnknownFields(obj, validator);
  return [
    ...convertErrors(errors, obj, toPath).map((e) => finding(e.rule, e.path, e.message, e.messageEs)),
    ...unknown.map((u) => finding('schema-unknown-field', u.path, `unknown field "${u.field}"`, `campo desconocido "${u.field}"`)),
  ];
}

interface Converted {
  readonly rule: string;
  readonly path: string;
  readonly message: string;
  /** Spanish, for the common errors (required, type, enum). */
  readonly messageEs?: string;
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
        push({ rule: 'schema-type', path, message: `must be ${String(e.params.type)}, got ${describeValue(value)}`, messageEs: `debe ser ${String(e.params.type)}, es ${describeValueEs(value)}` });
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
        push({ rule: 'schema-required', path: toPath(`${e.instancePath}/${missing.replace(/~/g, '~0').replace(/\//g, '~1')}`), message: `required field "${missing}" is missing`, messageEs: `falta el campo obligatorio "${missing}"` });
        break;
      }
      case 'enum': {
        const allowed = (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
        push({ rule: 'schema-enum', path, message: `must be one of ${allowed}, got ${describeValue(value)}`, messageEs: `debe ser uno de ${allowed}, es ${describeValueEs(value)}` });
        break;
      }
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

function describeValueEs(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'una lista';
  if (typeof value === 'object') return 'un mapa';
  if (typeof value === 'string') return `la cadena ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  return `${typeof value === 'number' ? 'el número' : typeof value === 'boolean' ? 'el booleano' : typeof value} ${String(value)}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  return `${typeof value} ${String(value)}`;
}
