import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { removedApis, ruleForValidatorFinding } from '../../policy/rules.js';
import { validateBatchObject } from '../../validation/apiserver/index.js';
import { validatePodSecurityRestricted } from '../../validation/pod-security/index.js';
import { kustomizePinnedImages, validatePractices } from '../../validation/practice/index.js';
import { validateSchema } from '../../validation/schema/index.js';
import type { Finding, KubeObject } from '../../validation/types.js';
import { helmTemplateRoots, isCiFile, type CheckContext } from '../context.js';
import { parseYamlFile, type YamlDoc } from '../yaml-source.js';
import { checkIngressObjects, type LocatedObject } from './ingress.js';

const EXEMPTIONS_FILE = /(^|\/)batch-job\.exemptions\.ya?ml$/;
const KUSTOMIZATION_FILE = /(^|\/)kustomization\.ya?ml$/;
const KUSTOMIZE_API = 'kustomize.config.k8s.io/v1beta1';

function isKubeObject(value: unknown): value is KubeObject {
  return typeof value === 'object' && value !== null && typeof (value as KubeObject).apiVersion === 'string' && typeof (value as KubeObject).kind === 'string';
}

/**
 * Every multi-document YAML file outside Helm templates and CI files: objects with `apiVersion` and `kind` go
 * through the four validation layers (with a removed apiVersion named as such), Ingress/header rules, and the
 * kustomize folders are rendered with `kubectl kustomize` when kubectl is available (raw otherwise, said once).
 */
export function checkKubernetes(ctx: CheckContext): void {
  const { paths } = ctx.files;
  const helmRoots = helmTemplateRoots(paths);
  for (const root of helmRoots) {
    if (paths.some((p) => p.startsWith(root))) ctx.note({ kind: 'helm-templates', file: root, message: 'Helm chart templates are Go templates: skipped (values files are still checked for secrets)' });
  }
  const located: LocatedObject[] = [];
  for (const path of paths) {
    if (!/\.ya?ml$/i.test(path) || isCiFile(path) || EXEMPTIONS_FILE.test(path) || helmRoots.some((r) => path.startsWith(r))) continue;
    const kustomization = KUSTOMIZATION_FILE.test(path);
    const text = ctx.files.read(path);
    if (text === undefined || (!kustomization && !/^\s*kind\s*:/m.test(text))) continue;
    const parsed = parseYamlFile(text);
    if (parsed.error) {
      ctx.note({ kind: 'yaml-invalid', file: path, message: `not valid YAML at line ${parsed.error.line}: ${parsed.error.message}` });
    }
    for (const doc of parsed.docs) {
      if (isKubeObject(doc.value)) located.push({ file: path, doc, obj: doc.value });
      // apiVersion and kind are optional in a kustomization file.
      else if (kustomization && typeof doc.value === 'object' && doc.value !== null) located.push({ file: path, doc, obj: { apiVersion: KUSTOMIZE_API, kind: 'Kustomization', ...(doc.value as object) } });
    }
  }

  const kustomizations = located.filter((o) => o.obj.kind === 'Kustomization' || KUSTOMIZATION_FILE.test(o.file));
  const rendered = new Map<LocatedObject, KubeObject>();
  const pinnedFor = new Map<string, string[]>();
  // Each object joins every kustomization in its folder or above (walking up its few ancestors, not scanning
  // every folder for every kustomization); the nearest one's pinned images apply to it.
  const dirOf = (file: string): string => file.slice(0, file.lastIndexOf('/') + 1);
  const kustomizationByDir = new Map(kustomizations.map((k) => [dirOf(k.file), k]));
  const below = new Map<LocatedObject, LocatedObject[]>(kustomizations.map((k) => [k, []]));
  for (const o of located) {
    let nearest = true;
    for (let dir = dirOf(o.file); ; dir = dirOf(dir.slice(0, -1))) {
      const k = kustomizationByDir.get(dir);
      if (k !== undefined && k !== o) {
        below.get(k)!.push(o);
        if (nearest) pinnedFor.set(o.file, kustomizePinnedImages(k.obj));
        nearest = false;
      }
      if (dir === '') break;
    }
  }
  if (ctx.kubectl && ctx.root !== undefined) {
    for (const k of kustomizations) renderKustomization(ctx, k, dirOf(k.file), below.get(k)!, rendered);
  }
  const isKustomization = new Set(kustomizations);
  if (kustomizations.length > 0 && !(ctx.kubectl && ctx.root !== undefined)) {
    ctx.note({ kind: 'kustomize-raw', message: 'kubectl not found: kustomize folders were read raw (images pinned in kustomization.yaml are honoured)' });
  }

  for (const o of located) {
    const obj = rendered.get(o) ?? o.obj;
    const removed = removedApis.find((api) => api.apiVersion === obj.apiVersion && (api.kinds.length === 0 || api.kinds.includes(obj.kind!)));
    if (removed) {
      const status = removed.removedIn === 'deprecated' ? 'is deprecated' : `was removed in Kubernetes ${removed.removedIn}`;
      ctx.report('k8s-deprecated-api', o.file, o.doc.lineOf('apiVersion'), `${obj.kind} ${removed.apiVersion} ${status}: use ${removed.replacement}`);
    }
    // Validate a removed batch API as its replacement, so the rest of the object is still reviewed.
    const subject = removed && removed.replacement.startsWith('batch/') ? { ...obj, apiVersion: removed.replacement } : obj;
    const findings: Finding[] = isKustomization.has(o)
      ? validateSchema(subject)
      : [...validateSchema(subject), ...validateBatchObject(subject), ...validatePodSecurityRestricted(subject), ...validatePractices(subject, { kustomizePinnedImages: rendered.has(o) ? [] : (pinnedFor.get(o.file) ?? []) })];
    reportValidatorFindings(ctx, o.file, o.doc, findings);
  }
  checkIngressObjects(ctx, located);
}

export function reportValidatorFindings(ctx: CheckContext, file: string, doc: YamlDoc, findings: readonly Finding[]): void {
  for (const f of findings) {
    const rule = ruleForValidatorFinding(f.source, f.rule);
    ctx.report(rule.id, file, doc.lineOf(f.path), `${f.object} ${f.path}: ${f.message}`, { severity: f.severity, detail: f.rule });
  }
}

/** Replaces the raw objects of a kustomize folder by their rendered form (matched by kind and name). */
function renderKustomization(ctx: CheckContext, k: LocatedObject, dir: string, below: readonly LocatedObject[], rendered: Map<LocatedObject, KubeObject>): void {
  const run = spawnSync('kubectl', ['kustomize', join(ctx.root!, dir || '.')], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) {
    ctx.note({ kind: 'kustomize-failed', file: k.file, message: `kubectl kustomize failed; files read raw: ${(run.stderr || String(run.error ?? '')).split('\n')[0]}` });
    return;
  }
  const objects = parseAllDocuments(run.stdout).flatMap((d) => (Array.isArray(d) ? [] : [d.toJS() as unknown])).filter(isKubeObject);
  for (const obj of objects) {
    const source = below.find((o) => o.obj.kind === obj.kind && o.obj.metadata?.name === obj.metadata?.name && !rendered.has(o));
    if (source) rendered.set(source, obj);
  }
}
