import { matchesBanned, policy } from '../../policy/index.js';
import type { CheckContext } from '../context.js';
import { messageFields } from '../finding.js';
import { say } from '../messages.js';
import { lineAtOffset, lineOfText } from '../yaml-source.js';

const bannedRule = (id: string) => policy.bannedPackages.find((b) => matchesBanned(id, b));

/** MSBuild files that can declare packages: projects of every SDK, central package management, build props/targets. */
const MSBUILD = /\.(csproj|fsproj|vbproj|props|targets)$/i;
/** `<PackageReference Include="X"`, `<PackageVersion Include="X"`, `<GlobalPackageReference Include="X"` (or `Update=`). */
const PACKAGE_ITEM = /<(PackageReference|PackageVersion|GlobalPackageReference)\b[^>]*?\b(?:Include|Update)\s*=\s*["']([^"']+)["']/gi;

/**
 * Banned scheduling packages wherever NuGet reads them: MSBuild items (direct), `packages.lock.json` and
 * `obj/project.assets.json` (transitive hits name the direct package that brings them in). A package that is also
 * direct in the same lock/assets file is left to the MSBuild file that declares it.
 */
export function checkDotnetPackages(ctx: CheckContext): void {
  for (const path of [...ctx.files.paths, ...solutionOnlyProjects(ctx)]) {
    const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
    if (MSBUILD.test(path)) {
      const text = ctx.files.read(path);
      if (text === undefined || !text.includes('Package')) continue;
      for (const m of text.matchAll(PACKAGE_ITEM)) {
        const rule = bannedRule(m[2]!);
        if (rule) ctx.report('dotnet-banned-package', path, lineAtOffset(text, m.index), say((t) => t.bannedPackage(m[1]!, m[2]!, rule.pattern, rule.reason)));
      }
    } else if (name === 'packages.lock.json' || name === 'project.assets.json') {
      const text = ctx.files.read(path);
      if (text === undefined) continue;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        ctx.note({ kind: 'unreadable', file: path, ...messageFields(say((t) => t.notJson)) });
        continue;
      }
      const graph = name === 'packages.lock.json' ? lockGraph(json) : assetsGraph(json);
      for (const [banned, via] of transitiveHits(graph)) {
        const rule = bannedRule(banned)!;
        ctx.report('dotnet-banned-package-transitive', path, lineOfText(text, new RegExp(`"${banned.replace(/\./g, '\\.')}(/[^"]*)?"\\s*:\\s*\\{`, 'i')), say((t) => t.bannedTransitive(banned, via, rule.pattern, rule.reason)));
      }
    }
  }
}

/** `Project("{…}") = "Name", "src\\App\\App.csproj", "{…}"` in `.sln`; `<Project Path="src/App/App.csproj" />` in `.slnx`. */
const SLN_PROJECT = /^Project\("[^"]*"\)\s*=\s*"[^"]*",\s*"([^"]+\.(?:cs|fs|vb)proj)"/gm;
const SLNX_PROJECT = /<Project\b[^>]*\bPath\s*=\s*"([^"]+\.(?:cs|fs|vb)proj)"/g;

/**
 * Projects a solution lists that the walk did not (a `.gitignore`d or skipped folder): they build, so they are
 * checked too. A project outside the scanned folder is a note.
 */
function solutionOnlyProjects(ctx: CheckContext): string[] {
  const listed = new Set(ctx.files.paths);
  const extra = new Set<string>();
  for (const sln of ctx.files.paths.filter((p) => /\.slnx?$/i.test(p))) {
    const text = ctx.files.read(sln);
    if (text === undefined) continue;
    const dir = sln.includes('/') ? sln.slice(0, sln.lastIndexOf('/')) : '';
    for (const m of text.matchAll(sln.toLowerCase().endsWith('.slnx') ? SLNX_PROJECT : SLN_PROJECT)) {
      const path = normalize([dir, m[1]!.replace(/\\/g, '/')].filter(Boolean).join('/'));
      if (path === undefined) ctx.note({ kind: 'unreadable', file: sln, ...messageFields(say((t) => t.solutionOutside(m[1]!))) });
      else if (!listed.has(path)) extra.add(path);
    }
  }
  return [...extra].sort();
}

/** Resolves `.` and `..`; undefined when the path climbs above the root. */
function normalize(path: string): string | undefined {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.pop() === undefined) return undefined;
    } else out.push(part);
  }
  return out.join('/');
}

interface Graph {
  readonly direct: ReadonlySet<string>;
  readonly deps: ReadonlyMap<string, readonly string[]>;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null ? (v as Obj) : {});

/** `packages.lock.json`: `dependencies[tfm][id] = { type: Direct|Transitive|CentralTransitive, dependencies }`. */
function lockGraph(json: unknown): Graph {
  const direct = new Set<string>();
  const deps = new Map<string, string[]>();
  for (const tfm of Object.values(obj(obj(json).dependencies))) {
    for (const [id, entry] of Object.entries(obj(tfm))) {
      if (obj(entry).type === 'Direct' || obj(entry).type === 'Project') direct.add(id);
      deps.set(id, [...(deps.get(id) ?? []), ...Object.keys(obj(obj(entry).dependencies))]);
    }
  }
  return { direct, deps };
}

/** `project.assets.json`: `targets[tfm]["Id/1.0"].dependencies`; direct ones in `project.frameworks[tfm].dependencies`. */
function assetsGraph(json: unknown): Graph {
  const root = obj(json);
  const direct = new Set(Object.values(obj(obj(root.project).frameworks)).flatMap((f) => Object.keys(obj(obj(f).dependencies))));
  const deps = new Map<string, string[]>();
  for (const tfm of Object.values(obj(root.targets))) {
    for (const [key, entry] of Object.entries(obj(tfm))) {
      const id = key.split('/')[0]!;
      deps.set(id, [...(deps.get(id) ?? []), ...Object.keys(obj(obj(entry).dependencies))]);
    }
  }
  return { direct, deps };
}

/** Banned packages that are not direct, each with the direct packages whose closure contains it. */
function transitiveHits(graph: Graph): Map<string, string[]> {
  const lower = new Map([...graph.deps.keys()].map((k) => [k.toLowerCase(), k]));
  const directLower = new Set([...graph.direct].map((d) => d.toLowerCase()));
  const hits = new Map<string, string[]>();
  for (const root of [...graph.direct].sort()) {
    const seen = new Set<string>();
    const stack = [...(graph.deps.get(root) ?? [])];
    while (stack.length > 0) {
      const id = lower.get(stack.pop()!.toLowerCase());
      if (!id || seen.has(id)) continue;
      seen.add(id);
      if (bannedRule(id) && !directLower.has(id.toLowerCase())) hits.set(id, [...(hits.get(id) ?? []), root]);
      stack.push(...(graph.deps.get(id) ?? []));
    }
  }
  return hits;
}
