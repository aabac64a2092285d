/**
 * `kustomization.yaml` is not a Kubernetes API object and has no schema in `kubernetes-models`; kustomize decodes
 * it with `DisallowUnknownFields`, so an unknown top-level field fails `kubectl apply -k`. This checks the
 * top-level fields (sigs.k8s.io/kustomize/api/types.Kustomization), their basic types and `images[]` entries.
 */

export interface KustomizationProblem {
  readonly rule: string;
  readonly path: string;
  readonly message: string;
}

type FieldType = 'string' | 'string[]' | 'object' | 'object[]' | 'string-map' | 'any';

const FIELDS: Readonly<Record<string, FieldType>> = {
  apiVersion: 'string',
  kind: 'string',
  metadata: 'object',
  openapi: 'string-map',
  namePrefix: 'string',
  nameSuffix: 'string',
  namespace: 'string',
  commonLabels: 'string-map',
  labels: 'object[]',
  commonAnnotations: 'string-map',
  patchesStrategicMerge: 'any',
  patchesJson6902: 'object[]',
  patches: 'object[]',
  images: 'object[]',
  imageTags: 'object[]',
  replacements: 'object[]',
  replicas: 'object[]',
  vars: 'object[]',
  sortOptions: 'object',
  resources: 'string[]',
  components: 'string[]',
  crds: 'string[]',
  bases: 'string[]',
  configMapGenerator: 'object[]',
  secretGenerator: 'object[]',
  helmGlobals: 'object',
  helmCharts: 'object[]',
  helmChartInflationGenerator: 'object[]',
  generatorOptions: 'object',
  configurations: 'string[]',
  generators: 'string[]',
  transformers: 'string[]',
  validators: 'string[]',
  buildMetadata: 'string[]',
};

const IMAGE_FIELDS = ['name', 'newName', 'newTag', 'digest', 'tagSuffix'];

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function matches(type: FieldType, v: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'string[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'object':
      return isObj(v);
    case 'object[]':
      return Array.isArray(v) && v.every(isObj);
    case 'string-map':
      return isObj(v) && Object.values(v).every((x) => typeof x === 'string');
    case 'any':
      return true;
  }
}

export function validateKustomization(obj: Readonly<Record<string, unknown>>): KustomizationProblem[] {
  const problems: KustomizationProblem[] = [];
  for (const [k, v] of Object.entries(obj)) {
    const type = FIELDS[k];
    if (type === undefined) {
      problems.push({ rule: 'schema-unknown-field', path: k, message: `unknown field "${k}" (kustomize rejects unknown fields)` });
    } else if (v !== null && !matches(type, v)) {
      problems.push({ rule: 'schema-type', path: k, message: `must be ${type.replace('[]', ' list').replace('string-map', 'map of strings')}` });
    }
  }
  const images = obj.images;
  if (Array.isArray(images)) {
    images.forEach((image, i) => {
      if (!isObj(image)) return;
      if (typeof image.name !== 'string' || image.name === '') {
        problems.push({ rule: 'schema-required', path: `images[${i}].name`, message: 'required field "name" is missing' });
      }
      for (const [k, v] of Object.entries(image)) {
        if (!IMAGE_FIELDS.includes(k)) {
          problems.push({ rule: 'schema-unknown-field', path: `images[${i}].${k}`, message: `unknown field "${k}"` });
        } else if (typeof v !== 'string') {
          problems.push({ rule: 'schema-type', path: `images[${i}].${k}`, message: 'must be string' });
        }
      }
    });
  }
  return problems;
}
