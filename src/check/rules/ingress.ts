import { policy } from '../../policy/index.js';
import type { KubeObject } from '../../validation/types.js';
import type { CheckContext } from '../context.js';
import { say, type CheckMessages } from '../messages.js';
import type { YamlDoc } from '../yaml-source.js';

/** A Kubernetes object and where it was read. */
export interface LocatedObject {
  readonly file: string;
  readonly doc: YamlDoc;
  readonly obj: KubeObject;
}

const NGINX = 'nginx.ingress.kubernetes.io/';
type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined);

/**
 * Ingress rules the per-object validators cannot see (design §5): the headers inside an `add-headers` annotation
 * (deprecated values are named even though the annotation itself is ignored by the controller), and the policy's
 * security headers missing from what the Ingress really sends (its `custom-headers` ConfigMap) or from an HTTPRoute's
 * `ResponseHeaderModifier`.
 */
export function checkIngressObjects(ctx: CheckContext, objects: readonly LocatedObject[], namesOf: (o: LocatedObject) => readonly string[] = (o) => [o.obj.metadata?.name ?? '']): void {
  // A ConfigMap is found by any name it goes by: an Ingress names it as rendered (with a kustomize prefix/suffix).
  const configMaps = new Map(objects.filter((o) => o.obj.kind === 'ConfigMap').flatMap((o) => namesOf(o).map((name) => [name, asObj((o.obj as Obj).data) ?? {}] as const)));
  for (const o of objects) {
    if (o.obj.kind === 'Ingress') {
      const annotations = asObj(o.obj.metadata?.annotations) ?? {};
      const addHeaders = annotations[`${NGINX}add-headers`];
      if (typeof addHeaders === 'string') {
        const line = o.doc.lineOf(`metadata.annotations[${NGINX}add-headers]`);
        for (const [name, value] of headerPairs(addHeaders)) deprecatedHeader(ctx, o.file, line, name, value);
      }
      const custom = annotations[`${NGINX}custom-headers`];
      const sent = typeof custom === 'string' ? Object.keys(configMaps.get(custom.slice(custom.indexOf('/') + 1)) ?? {}) : [];
      missing(ctx, o, sent, 'metadata.annotations', (m) => (typeof custom === 'string' ? m.customHeadersConfigMap(custom) : m.noCustomHeaders));
    } else if (o.obj.kind === 'HTTPRoute') {
      const rules = (asObj((o.obj as Obj).spec)?.rules as unknown[] | undefined) ?? [];
      const sent = rules.flatMap((r) =>
        ((asObj(r)?.filters as unknown[] | undefined) ?? []).flatMap((f) => {
          const m = asObj(asObj(f)?.responseHeaderModifier);
          return [...((m?.set as unknown[]) ?? []), ...((m?.add as unknown[]) ?? [])].map((h) => String(asObj(h)?.name ?? ''));
        }),
      );
      missing(ctx, o, sent, 'spec.rules', (m) => m.responseHeaderModifier);
    }
  }
}

/** `Name "value"` lines, as written in the guide's `add-headers` block. */
function headerPairs(block: string): [string, string][] {
  return [...block.matchAll(/^\s*([A-Za-z0-9-]+)\s*:?\s*"?([^"\n]*)"?\s*$/gm)].map((m) => [m[1]!, m[2]!.trim()]);
}

function deprecatedHeader(ctx: CheckContext, file: string, line: number, name: string, value: string): void {
  const n = name.toLowerCase();
  if (n === 'x-xss-protection' && value !== '0') {
    ctx.report('ingress-header-deprecated', file, line, say((m) => m.xssProtection(value)), { detail: 'header-x-xss-protection' });
  } else if (n === 'feature-policy') {
    ctx.report('ingress-header-deprecated', file, line, say((m) => m.featurePolicy), { detail: 'header-feature-policy' });
  } else if (n === 'set-cookie') {
    ctx.report('ingress-set-cookie', file, line, say((m) => m.setCookie));
  }
}

function missing(ctx: CheckContext, o: LocatedObject, sent: readonly string[], path: string, source: (m: CheckMessages) => string): void {
  const have = new Set(sent.map((s) => s.toLowerCase()));
  const absent = Object.keys(policy.securityHeaders).filter((h) => !have.has(h.toLowerCase()));
  if (absent.length === 0) return;
  ctx.report('ingress-headers-missing', o.file, o.doc.lineOf(path), say((m) => m.headersMissing(`${o.obj.kind}/${o.obj.metadata?.name ?? '?'}`, absent, source(m))));
}
