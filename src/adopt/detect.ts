import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { BannedPackage, Policy } from '../policy/index.js';

/** A project file found in the repo, with what adoption needs to know about it. */
export interface DetectedProject {
  /** Path relative to the repo root, POSIX separators. */
  readonly path: string;
  readonly sdk: string;
  readonly outputType: string | undefined;
  readonly targetFrameworks: readonly string[];
  readonly isTest: boolean;
  readonly packages: readonly { readonly id: string; readonly version?: string }[];
}

export interface BannedPackageUse {
  readonly project: string;
  readonly package: string;
  readonly pattern: string;
  readonly reason: string;
}

/** What `batch-job adopt` found in an existing .NET repository. */
export interface Detection {
  readonly solutions: readonly string[];
  readonly projects: readonly DetectedProject[];
  /** The project Kubernetes will run: the only executable, non-test project (console preferred over web). */
  readonly app: DetectedProject | undefined;
  readonly framework: string | undefined;
  readonly dockerfiles: readonly string[];
  readonly manifests: readonly string[];
  readonly ci: readonly string[];
  readonly banned: readonly BannedPackageUse[];
}

const SKIP = new Set(['.git', 'node_modules', 'bin', 'obj', '.vs', '.idea', 'TestResults']);

function walk(root: string, dir = root, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (SKIP.has(entry)) continue;
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) walk(root, full, out);
    else out.push(relative(root, full).split(sep).join('/'));
  }
  return out;
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['PropertyGroup', 'ItemGroup', 'PackageReference', 'PackageVersion'].includes(name) });

type Node = Record<string, unknown>;

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return String((value as Node)['#text']).trim();
  return undefined;
}

/** Reads the properties and package references of an MSBuild file (csproj or Directory.*.props). */
function readProject(file: string): { sdk: string; props: Map<string, string>; packages: { id: string; version?: string }[] } {
  const doc = xml.parse(readFileSync(file, 'utf8')) as Node;
  const root = (doc.Project ?? {}) as Node;
  const props = new Map<string, string>();
  for (const group of (root.PropertyGroup ?? []) as Node[]) {
    for (const [key, value] of Object.entries(group)) {
      const v = text(value);
      if (v !== undefined && !key.startsWith('@')) props.set(key, v);
    }
  }
  const packages: { id: string; version?: string }[] = [];
  for (const group of (root.ItemGroup ?? []) as Node[]) {
    for (const ref of [...((group.PackageReference ?? []) as Node[]), ...((group.PackageVersion ?? []) as Node[])]) {
      const id = text(ref['@Include']) ?? text(ref['@Update']);
      if (id) packages.push({ id, version: text(ref['@Version']) ?? text(ref.Version) });
    }
  }
  return { sdk: text(root['@Sdk']) ?? '', props, packages };
}

/** Whether a package id matches a policy pattern (`Hangfire*` is a case-insensitive prefix match). */
export function matchesBanned(id: string, banned: BannedPackage): boolean {
  const lower = id.toLowerCase();
  const pattern = banned.pattern.toLowerCase();
  return pattern.endsWith('*') ? lower.startsWith(pattern.slice(0, -1)) : lower === pattern;
}

/** Looks at an existing repo without changing it. */
export function detect(repo: string, policy: Policy): Detection {
  const files = walk(repo);
  const rootProps = ['Directory.Build.props', 'Directory.Packages.props'].filter((f) => existsSync(join(repo, f))).map((f) => readProject(join(repo, f)));
  const inherited = new Map(rootProps.flatMap((p) => [...p.props]));
  const projects: DetectedProject[] = files
    .filter((f) => f.endsWith('.csproj'))
    .sort()
    .map((path) => {
      const { sdk, props, packages } = readProject(join(repo, path));
      const all = new Map([...inherited, ...props]);
      const tfms = (all.get('TargetFrameworks') ?? all.get('TargetFramework') ?? '').split(';').map((t) => t.trim()).filter(Boolean);
      const isTest = all.get('IsTestProject') === 'true' || packages.some((p) => p.id === 'Microsoft.NET.Test.Sdk');
      return { path, sdk, outputType: all.get('OutputType'), targetFrameworks: tfms, isTest, packages };
    });
  const central = rootProps.flatMap((p) => p.packages);
  const banned: BannedPackageUse[] = [];
  for (const project of [...projects, { path: 'Directory.Packages.props', packages: central }]) {
    for (const pkg of project.packages) {
      const rule = policy.bannedPackages.find((b) => matchesBanned(pkg.id, b));
      if (rule) banned.push({ project: project.path, package: pkg.id, pattern: rule.pattern, reason: rule.reason });
    }
  }
  const runnable = projects.filter((p) => !p.isTest && (p.outputType?.toLowerCase() === 'exe' || p.sdk === 'Microsoft.NET.Sdk.Web'));
  // A console app is what a Job runs; a web app is only chosen when it is the only executable.
  const app = runnable.find((p) => p.sdk !== 'Microsoft.NET.Sdk.Web') ?? runnable[0];
  const framework = app?.targetFrameworks.find((t) => Object.hasOwn(policy.frameworks, t));
  const isManifest = (f: string) =>
    /\.ya?ml$/.test(f) && !f.startsWith('.github/') && /^\s*kind:\s*(CronJob|Job|Deployment|Ingress|Service)\s*$/m.test(readFileSync(join(repo, f), 'utf8'));
  return {
    solutions: files.filter((f) => /\.slnx?$/.test(f)),
    projects,
    app,
    framework,
    dockerfiles: files.filter((f) => /(^|\/)Dockerfile(\.[\w-]+)?$/.test(f)),
    manifests: files.filter(isManifest),
    ci: files.filter((f) => f.startsWith('.github/workflows/') || f === 'azure-pipelines.yml' || f === '.gitlab-ci.yml'),
    banned,
  };
}
