import type { KubeObject } from '../types.js';
import { child, index, join } from './field-path.js';

export type Obj = Record<string, unknown>;

export function asObj(value: unknown): Obj | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A pod (template) found inside an object. */
export interface PodTemplateRef {
  /** Path of the pod's ObjectMeta: `metadata` for a Pod, `spec.template.metadata` for a Job. */
  readonly metadataPath: string;
  readonly metadata: Obj | undefined;
  /** Path of the PodSpec: `spec` for a Pod, `spec.jobTemplate.spec.template.spec` for a CronJob. */
  readonly specPath: string;
  readonly spec: Obj;
}

/** Where each kind keeps its pod template (the path of the PodTemplateSpec; `''` for a Pod itself). */
const TEMPLATE_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: [],
  PodTemplate: ['template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
};

/** The pod template an object carries (none for kinds without one, or when the template is not an object). */
export function podTemplates(obj: KubeObject): PodTemplateRef[] {
  const segments = obj.kind === undefined ? undefined : TEMPLATE_PATHS[obj.kind];
  if (segments === undefined) return [];
  let node: Obj | undefined = obj as Obj;
  for (const s of segments) node = asObj(node?.[s]);
  const spec = asObj(node?.spec);
  if (node === undefined || spec === undefined) return [];
  const base = join('', ...segments);
  return [
    {
      metadataPath: child(base, 'metadata'),
      metadata: asObj(node.metadata),
      specPath: child(base, 'spec'),
      spec,
    },
  ];
}

export type ContainerList = 'initContainers' | 'containers' | 'ephemeralContainers';

export interface ContainerRef {
  readonly list: ContainerList;
  readonly name: string;
  readonly path: string;
  readonly container: Obj;
}

/** Every container of a pod spec in the order Pod Security admission visits them: init, regular, ephemeral. */
export function containersOf(pod: PodTemplateRef, lists: readonly ContainerList[] = ['initContainers', 'containers', 'ephemeralContainers']): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const list of lists) {
    asArray(pod.spec[list]).forEach((c, i) => {
      const container = asObj(c);
      if (container === undefined) return;
      const name = typeof container.name === 'string' ? container.name : `#${i}`;
      out.push({ list, name, path: index(child(pod.specPath, list), i), container });
    });
  }
  return out;
}
