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
export async function checkKubernetes(ctx: CheckContext): Promise<void> {
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
    if (parsed.error) addParseNote(e, parsed.error);
    return locate(e.path, parsed.docs);
  };
  const addParseNote = (e: { path: string; notesAt: number; index: number }, error: { line: number; message: string }): void => {
    parseNotes.push({ at: e.notesAt, index: e.index, note: { kind: 'yaml-invalid', file: e.path, ...messageFields(say((m) => m.yamlInvalid(error.line, error.message))) } });
  };
  /** Puts the parse notes where pass 1 would have pushed them (after the file's own read notes). */
  const flushParseNotes = (): void => {
    parseNotes.sort((x, y) => x.at - y.at || x.index - y.index);
    parseNotes.forEach(({ at, note }, i) => ctx.files.notes.splice(at + i, 0, note));
    parseNotes.length = 0;
  };

  // Pass 1: read in path order; a file can hold a Kustomization only if it is named so or says `Kustomization`.
  const entries: YamlEntry[] = [];
  // With kubectl every object is parsed here (rendering matches them to their sources): files are read as usual.
  const prepared = ctx.kubectl ? undefined : ctx.files.prepared;
  for (const path of paths) {
    if (!isManifestCandidate(path, helmRoots)) continue;
    if (prepared) {
      // Worker threads read and parsed the file already: only its read note (if any) is reported here, in order.
      const facts = prepared.take(path);
      if (!facts?.manifest) continue;
      const entry: YamlEntry = { path, text: undefined, notesAt: ctx.files.notes.length, index: entries.length };
      if (facts.manifest.kustomization) entry.located = facts.manifest.kustomization.objects.map(({ doc, obj }) => ({ file: path, doc: lazyDoc(facts.manifest!.kustomization!.text, doc), obj }));
      entries.push(entry);
      continue;
    }
    const text = ctx.files.read(path);
    if (text === undefined || !mayHoldObjects(path, text)) continue;
    const entry: YamlEntry = { path, text, notesAt: ctx.files.notes.length, index: entries.length };
    if (mayHoldKustomization(path, text)) entry.located = locatedOf(entry);
    entries.push(entry);
  }

  const kustomizations = entries.flatMap((e) => (e.located ?? []).filter(isKustomizationObject));
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
  const validate = (o: LocatedObject): void => validateObject(ctx, o, rendered.get(o) ?? o.obj, isKustomization.has(o), () => (rendered.has(o) ? [] : pinsFor(o)));

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
  if (prepared) {
    // The workers validated every object (with these pins); what they found is added in file order.
    const validated = await prepared.validate(pinsByDir(kustomizationByDir));
    for (const e of entries) {
      const result = validated.get(e.path) ?? { findings: [] };
      if (result.parseError) addParseNote(e, result.parseError);
      ctx.adopt(result.findings);
      for (const { doc, obj } of result.ingress?.objects ?? []) ingressInputs.push({ file: e.path, doc: lazyDoc(result.ingress!.text, doc), obj });
    }
  }
  for (const e of prepared ? [] : entries) {
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

/** Whether `path` is a YAML file that may hold Kubernetes objects (not CI, exemptions or Helm templates). */
export function isManifestCandidate(path: string, helmRoots: readonly string[]): boolean {
  return /\.ya?ml$/i.test(path) && !isCiFile(path) && !EXEMPTIONS_FILE.test(path) && !helmRoots.some((r) => path.startsWith(r));
}

/**
 * A candidate's text can hold an object only if it names a `kind` key (or is a kustomization file): at the start of
 * a line, or after `{` or `,` and maybe quoted, as in a manifest written in JSON or flow style.
 */
export function mayHoldObjects(path: string, text: string): boolean {
  return KUSTOMIZATION_FILE.test(path) || /(?:^|[{,])\s*["']?kind["']?\s*:/m.test(text);
}

/** Files parsed in pass 1: their Kustomizations apply to the objects below them. */
export function mayHoldKustomization(path: string, text: string): boolean {
  return KUSTOMIZATION_FILE.test(path) || text.includes('Kustomization');
}

/** Whether a located object is a kustomization (validated against the schema only). */
export function isKustomizationObject(o: LocatedObject): boolean {
  return o.obj.kind === 'Kustomization' || KUSTOMIZATION_FILE.test(o.file);
}

/** The objects of one parsed file: Kubernetes objects, and kustomization documents (whose apiVersion/kind are optional). */
export function locate(file: string, docs: readonly YamlDoc[]): LocatedObject[] {
  const kustomization = KUSTOMIZATION_FILE.test(file);
  const located: LocatedObject[] = [];
  for (const doc of docs) {
    if (isKubeObject(doc.value)) located.push({ file, doc, obj: doc.value });
    else if (kustomization && typeof doc.value === 'object' && doc.value !== null) located.push({ file, doc, obj: { apiVersion: KUSTOMIZE_API, kind: 'Kustomization', ...(doc.value as object) } });
  }
  return located;
}

export function isIngressInput(o: LocatedObject): boolean {
  return INGRESS_INPUT_KINDS.has(o.obj.kind!);
}

/** The images each kustomization folder pins (the nearest one applies to the objects below it). */
function pinsByDir(kustomizationByDir: ReadonlyMap<string, LocatedObject>): Map<string, string[]> {
  return new Map([...kustomizationByDir].map(([dir, k]) => [dir, kustomizePinnedImages(k.obj)]));
}

/** The images pinned by the nearest kustomization folder at or above `file`. */
export function pinsAbove(pins: ReadonlyMap<string, readonly string[]>, file: string): readonly string[] {
  for (let dir = file.slice(0, file.lastIndexOf('/') + 1); ; dir = dir.slice(0, dir.lastIndexOf('/', dir.length - 2) + 1)) {
    const pinned = pins.get(dir);
    if (pinned !== undefined) return pinned;
    if (dir === '') return [];
  }
}

/** Document `index` of `text`, parsed again only when a line is asked for (a thread sent the value, not the positions). */
export function lazyDoc(text: string, index: number): YamlDoc {
  let doc: YamlDoc | undefined;
  const get = (): YamlDoc => (doc ??= parseYamlFile(text).docs[index]!);
  return {
    get value() {
      return get().value;
    },
    get line() {
      return get().line;
    },
    lineOf: (path) => get().lineOf(path),
  };
}

/**
 * The four validation layers (a removed apiVersion named as such, and validated as its replacement) and the grace
 * period env rule for one object; a kustomization only against its schema.
 */
export function validateObject(ctx: CheckContext, o: LocatedObject, obj: KubeObject, kustomization: boolean, pins: () => readonly string[]): void {
  const removed = removedApis.find((api) => api.apiVersion === obj.apiVersion && (api.kinds.length === 0 || api.kinds.includes(obj.kind!)));
  if (removed) {
    const message = say((m) =>
      removed.removedIn === 'deprecated' ? m.apiDeprecated(obj.kind!, removed.apiVersion, removed.replacement) : m.apiRemoved(obj.kind!, removed.apiVersion, removed.removedIn, removed.replacement),
    );
    ctx.report('k8s-deprecated-api', o.file, o.doc.lineOf('apiVersion'), message);
  }
  // Validate a removed batch API as its replacement, so the rest of the object is still reviewed.
  const subject = removed && removed.replacement.startsWith('batch/') ? { ...obj, apiVersion: removed.replacement } : obj;
  const findings: Finding[] = kustomization
    ? validateSchema(subject)
    : [...validateSchema(subject), ...validateBatchObject(subject), ...validatePodSecurityRestricted(subject), ...validatePractices(subject, { kustomizePinnedImages: pins() })];
  reportValidatorFindings(ctx, o.file, o.doc, findings);
  checkGracePeriodEnv(ctx, o, subject);
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
        say((m) => m.gracePeriodEnv(`${obj.kind}/${obj.metadata?.name ?? '?'}`, GRACE_PERIOD_ENV, env.value ?? '', grace)));
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
