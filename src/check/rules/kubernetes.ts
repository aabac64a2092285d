import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { removedApis, ruleForValidatorFinding } from '../../policy/rules.js';
import { validateBatchObject } from '../../validation/apiserver/index.js';
import { validatePodSecurityRestricted } from '../../validation/pod-security/index.js';
import { kustomizePinnedImages, validatePractices } from '../../validation/practice/index.js';
import { validateSchema } from '../../validation/schema/index.js';
import type { Finding, KubeObject } from '../../validation/types.js';
import { helmTemplateRoots, isCiFile, type CheckContext } from '../context.js';
import { messageFields, type CheckNote } from '../finding.js';
import { say } from '../messages.js';
import { parseYamlFile, yaml, type YamlDoc } from '../yaml-source.js';
import { GRACE_PERIOD_ENV } from '../../components/dotnet/templates.js';
import { checkIngressObjects, type LocatedObject } from './ingress.js';
import { KustomizeTree, renderedName, type NameTransform } from '../kustomize.js';

const EXEMPTIONS_FILE = /(^|\/)batch-job\.exemptions\.ya?ml$/;
const KUSTOMIZATION_FILE = /(^|\/)kustomization\.ya?ml$/;
const KUSTOMIZE_API = 'kustomize.config.k8s.io/v1beta1';

function isKubeObject(value: unknown): value is KubeObject {
  return typeof value === 'object' && value !== null && typeof (value as KubeObject).apiVersion === 'string' && typeof (value as KubeObject).kind === 'string';
}

/** A YAML file that may hold objects, read in pass 1. */
interface YamlEntry {
  readonly path: string;
  /** Dropped once the file is parsed. */
  text: string | undefined;
  /** How many notes existed right after the file was read: its parse note goes there, as if pushed in order. */
  readonly notesAt: number;
  /** Position in path order (orders parse notes that share `notesAt`). */
  readonly index: number;
  /** Kustomization files (and files that mention Kustomization) are parsed in pass 1 and kept. */
  located?: LocatedObject[];
}

const INGRESS_INPUT_KINDS = new Set(['ConfigMap', 'Ingress', 'HTTPRoute']);

/**
 * Every multi-document YAML file outside Helm templates and CI files: objects with `apiVersion` and `kind` go
 * through the four validation layers (with a removed apiVersion named as such), Ingress/header rules, and the
 * kustomize folders are rendered with `kubectl kustomize` when kubectl is available (raw otherwise, said once).
 *
 * Without kubectl the files stream: pass 1 reads them and parses only those that can hold a Kustomization (its
 * pinned images apply to the objects below it); pass 2 parses and validates one file at a time and keeps only what
 * the Ingress rules need, so thousands of manifests are never all in memory at once.
 */
export function checkKubernetes(ctx: CheckContext): void {
  const { paths } = ctx.files;
  const helmRoots = helmTemplateRoots(paths);
  for (const root of helmRoots) {
    if (paths.some((p) => p.startsWith(root))) ctx.note({ kind: 'helm-templates', file: root, ...messageFields(say((m) => m.helmTemplates)) });
  }
  const parseNotes: { at: number; index: number; note: CheckNote }[] = [];
  const locatedOf = (e: YamlEntry): LocatedObject[] => {
    if (e.located !== undefined) return e.located;
    const parsed = parseYamlFile(e.text!);
    e.text = undefined;
    if (parsed.error) {
      parseNotes.push({ at: e.notesAt, index: e.index, note: { kind: 'yaml-invalid', file: e.path, ...messageFields(say((m) => m.yamlInvalid(parsed.error!.line, parsed.error!.message))) } });
    }
    const kustomization = KUSTOMIZATION_FILE.test(e.path);
    const located: LocatedObject[] = [];
    for (const doc of parsed.docs) {
      if (isKubeObject(doc.value)) located.push({ file: e.path, doc, obj: doc.value });
      // apiVersion and kind are optional in a kustomization file.
      else if (kustomization && typeof doc.value === 'object' && doc.value !== null) located.push({ file: e.path, doc, obj: { apiVersion: KUSTOMIZE_API, kind: 'Kustomization', ...(doc.value as object) } });
    }
    return located;
  };
  /** Puts the parse notes where pass 1 would have pushed them (after the file's own read notes). */
  const flushParseNotes = (): void => {
    parseNotes.sort((x, y) => x.at - y.at || x.index - y.index);
    parseNotes.forEach(({ at, note }, i) => ctx.files.notes.splice(at + i, 0, note));
    parseNotes.length = 0;
  };

  // Pass 1: read in path order; a file can hold a Kustomization only if it is named so or says `Kustomization`.
  const entries: YamlEntry[] = [];
  for (const path of paths) {
    if (!/\.ya?ml$/i.test(path) || isCiFile(path) || EXEMPTIONS_FILE.test(path) || helmRoots.some((r) => path.startsWith(r))) continue;
    const kustomization = KUSTOMIZATION_FILE.test(path);
    const text = ctx.files.read(path);
    if (text === undefined || (!kustomization && !/^\s*kind\s*:/m.test(text))) continue;
    const entry: YamlEntry = { path, text, notesAt: ctx.files.notes.length, index: entries.length };
    if (kustomization || text.includes('Kustomization')) entry.located = locatedOf(entry);
    entries.push(entry);
  }

  const kustomizations = entries.flatMap((e) => (e.located ?? []).filter((o) => o.obj.kind === 'Kustomization' || KUSTOMIZATION_FILE.test(o.file)));
  const isKustomization = new Set(kustomizations);
  const dirOf = (file: string): string => file.slice(0, file.lastIndexOf('/') + 1);
  const kustomizationByDir = new Map(kustomizations.map((k) => [dirOf(k.file), k]));
  /** The images pinned by the nearest kustomization in the object's folder or above (walking up its ancestors). */
  const pins = new Map<LocatedObject, string[]>();
  const pinsFor = (o: LocatedObject): string[] => {
    for (let dir = dirOf(o.file); ; dir = dirOf(dir.slice(0, -1))) {
      const k = kustomizationByDir.get(dir);
      if (k !== undefined && k !== o) {
        let pinned = pins.get(k);
        if (pinned === undefined) pins.set(k, (pinned = kustomizePinnedImages(k.obj)));
        return pinned;
      }
      if (dir === '') return [];
    }
  };

  // Only files named kustomization.yaml are kustomize's (a Flux `Kustomization` object elsewhere is not).
  const tree = new KustomizeTree(kustomizations.filter((k) => KUSTOMIZATION_FILE.test(k.file)), new Set(paths));
  const rendered = new Map<LocatedObject, KubeObject>();
  /** The names an object goes by: as written, as rendered, and as each kustomization that includes its file names it. */
  const namesOf = (o: LocatedObject): string[] => {
    const name = o.obj.metadata?.name ?? '';
    return [name, rendered.get(o)?.metadata?.name ?? name, ...tree.transformsOf(o.file).map((t) => renderedName(o.obj.kind, name, t))];
  };
  const validate = (o: LocatedObject): void => {
    const obj = rendered.get(o) ?? o.obj;
    const removed = removedApis.find((api) => api.apiVersion === obj.apiVersion && (api.kinds.length === 0 || api.kinds.includes(obj.kind!)));
    if (removed) {
      const message = say((m) =>
        removed.removedIn === 'deprecated' ? m.apiDeprecated(obj.kind!, removed.apiVersion, removed.replacement) : m.apiRemoved(obj.kind!, removed.apiVersion, removed.removedIn, removed.replacement),
      );
      ctx.report('k8s-deprecated-api', o.file, o.doc.lineOf('apiVersion'), message);
    }
    // Validate a removed batch API as its replacement, so the rest of the object is still reviewed.
    const subject = removed && removed.replacement.startsWith('batch/') ? { ...obj, apiVersion: removed.replacement } : obj;
    const findings: Finding[] = isKustomization.has(o)
      ? validateSchema(subject)
      : [...validateSchema(subject), ...validateBatchObject(subject), ...validatePodSecurityRestricted(subject), ...validatePractices(subject, { kustomizePinnedImages: rendered.has(o) ? [] : pinsFor(o) })];
    reportValidatorFindings(ctx, o.file, o.doc, findings);
    checkGracePeriodEnv(ctx, o, subject);
  };

  if (ctx.kubectl && ctx.root !== undefined) {
    // Rendering matches rendered objects to their sources, so every object is parsed first.
    const located = entries.flatMap(locatedOf);
    flushParseNotes();
    const byFile = new Map<string, LocatedObject[]>();
    for (const o of located) byFile.set(o.file, [...(byFile.get(o.file) ?? []), o]);
    // A base is rendered as part of the overlays that include it (path order decides between two overlays).
    for (const k of kustomizations) {
      if (!KUSTOMIZATION_FILE.test(k.file) || !tree.isRoot(k)) continue;
      const sources = tree.filesOf(k).flatMap(({ file, transform }) => (byFile.get(file) ?? []).map((o) => ({ o, transform })));
      renderKustomization(ctx, k, dirOf(k.file), sources, rendered);
    }
    for (const o of located) validate(o);
    checkIngressObjects(ctx, located, namesOf);
    return;
  }

  const ingressInputs: LocatedObject[] = [];
  for (const e of entries) {
    for (const o of locatedOf(e)) {
      validate(o);
      if (INGRESS_INPUT_KINDS.has(o.obj.kind!)) ingressInputs.push(o);
    }
  }
  flushParseNotes();
  if (kustomizations.length > 0) {
    ctx.note({ kind: 'kustomize-raw', ...messageFields(say((m) => m.kustomizeRaw)) });
  }
  checkIngressObjects(ctx, ingressInputs, namesOf);
}

/** What the apiserver defaults an unset `terminationGracePeriodSeconds` to. */
const DEFAULT_GRACE_PERIOD_SECONDS = 30;

/** The pod's grace period and the value the job host is given in GRACE_PERIOD_ENV must be the same number. */
function checkGracePeriodEnv(ctx: CheckContext, o: LocatedObject, obj: KubeObject): void {
  const podPath = obj.kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : obj.kind === 'Job' ? 'spec.template.spec' : undefined;
  if (obj.apiVersion !== 'batch/v1' || !podPath) return;
  const pod = podPath.split('.').reduce<any>((node, key) => node?.[key], obj);
  const grace = typeof pod?.terminationGracePeriodSeconds === 'number' ? pod.terminationGracePeriodSeconds : DEFAULT_GRACE_PERIOD_SECONDS;
  for (const [c, container] of ((pod?.containers ?? []) as { env?: { name?: string; value?: string }[] }[]).entries()) {
    for (const [e, env] of (container.env ?? []).entries()) {
      if (env.name !== GRACE_PERIOD_ENV || env.value === String(grace)) continue;
      ctx.report('k8s-grace-period-env', o.file, o.doc.lineOf(`${podPath}.containers[${c}].env[${e}].value`),
        say((m) => m.gracePeriodEnv(`${obj.kind}/${obj.metadata?.name}`, GRACE_PERIOD_ENV, env.value ?? '', grace)));
    }
  }
}

export function reportValidatorFindings(ctx: CheckContext, file: string, doc: YamlDoc, findings: readonly Finding[]): void {
  for (const f of findings) {
    const rule = ruleForValidatorFinding(f.source, f.rule);
    ctx.report(rule.id, file, doc.lineOf(f.path), say((m) => m.validator(f)), { severity: f.severity, detail: f.rule });
  }
}

/**
 * Replaces the raw objects a kustomization includes by their rendered form, matched by kind and by the name the
 * kustomizations give them (prefixes and suffixes of every level; the namespace breaks a tie).
 */
function renderKustomization(ctx: CheckContext, k: LocatedObject, dir: string, sources: readonly { o: LocatedObject; transform: NameTransform }[], rendered: Map<LocatedObject, KubeObject>): void {
  const run = spawnSync('kubectl', ['kustomize', join(ctx.root!, dir || '.')], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) {
    ctx.note({ kind: 'kustomize-failed', file: k.file, ...messageFields(say((m) => m.kustomizeFailed((run.stderr || String(run.error ?? '')).split('\n')[0]!))) });
    return;
  }
  const objects = yaml().parseAllDocuments(run.stdout).flatMap((d) => (Array.isArray(d) ? [] : [d.toJS() as unknown])).filter(isKubeObject);
  const expected = new Map<string, { o: LocatedObject; namespace?: string }[]>();
  for (const { o, transform } of sources) {
    const key = `${o.obj.kind}/${renderedName(o.obj.kind, o.obj.metadata?.name ?? '', transform)}`;
    expected.set(key, [...(expected.get(key) ?? []), { o, namespace: transform.namespace ?? o.obj.metadata?.namespace }]);
  }
  const unmatched: KubeObject[] = [];
  for (const obj of objects) {
    const candidates = (expected.get(`${obj.kind}/${obj.metadata?.name}`) ?? []).filter((c) => !rendered.has(c.o));
    const source = candidates.find((c) => c.namespace === obj.metadata?.namespace) ?? candidates[0];
    if (source) rendered.set(source.o, obj);
    else unmatched.push(obj);
  }
  const included = sources.map((s) => s.o);
  // A kustomization may rename an object (a one-off Job takes the pinned image tag in its name): match what is
  // left by kind and recommended labels, when exactly one file object fits.
  const labelsOf = (o: KubeObject) => (o.metadata?.labels ?? {}) as Record<string, string>;
  const sameApp = (a: KubeObject, b: KubeObject) =>
    ['app.kubernetes.io/name', 'app.kubernetes.io/component'].every((key) => labelsOf(a)[key] !== undefined && labelsOf(a)[key] === labelsOf(b)[key]);
  for (const obj of unmatched) {
    const candidates = included.filter((o) => o.obj.kind === obj.kind && !rendered.has(o) && sameApp(o.obj, obj));
    if (candidates.length === 1) rendered.set(candidates[0]!, obj);
  }
}
