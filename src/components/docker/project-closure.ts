import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { evaluateProject, findAbove, needsAspNetCore } from '../../util/msbuild-eval.js';
import { isSafeRelativePath } from '../../util/paths.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => name === 'ItemGroup' || name === 'ProjectReference' });

interface ProjectXml {
  Project?: { ItemGroup?: { ProjectReference?: { '@_Include'?: string }[] }[] };
}

/** `ProjectReference` paths of one project file, as written (MSBuild uses `\` or `/`). */
function projectReferences(text: string): string[] {
  const xml = parser.parse(text) as ProjectXml;
  return (xml.Project?.ItemGroup ?? []).flatMap((group) => group.ProjectReference ?? []).flatMap((ref) => (ref['@_Include'] ? [ref['@_Include']] : []));
}

/**
 * The app's project and every project it references, directly or not, as repository-relative paths with `/`:
 * what the Dockerfile's restore layer must copy so that `dotnet restore` sees the whole graph (a library project
 * missing there fails `dotnet publish --no-restore` with NETSDK1004). Read from disk at synthesis time, so a
 * re-sync picks up the projects the team adds. A project that is not on disk yet (first synthesis) contributes
 * only itself; references that leave the repository or name unsafe paths are ignored (the build reports them).
 */
export function projectClosure(repoDir: string, appProject: string): string[] {
  const seen = new Set<string>();
  const pending = [appProject];
  while (pending.length > 0) {
    const project = pending.pop()!;
    if (seen.has(project)) continue;
    seen.add(project);
    const file = join(repoDir, project);
    if (!existsSync(file)) continue;
    for (const include of projectReferences(readFileSync(file, 'utf8'))) {
      const target = relative(repoDir, normalize(join(dirname(file), include.replaceAll('\\', '/')))).split(sep).join('/');
      if (target.endsWith('.csproj') && isSafeRelativePath(target)) pending.push(target);
    }
  }
  return [...seen].sort();
}

/** Build files the Dockerfile copies to the root in any case. */
const ROOT_BUILD_FILES = new Set(['global.json', 'Directory.Build.props', 'Directory.Build.targets', 'BannedSymbols.txt']);

/**
 * MSBuild files besides the project files that restore reads for `projects`: the nearest `Directory.Build.props`
 * and what it imports (`eng/Versions.props`…), `Directory.Packages.props` (central versions: without it restore
 * fails with NU1015 or loses the versions) and the nearest `Directory.Build.targets`. Adopted repositories keep
 * these where they were; the restore layer must copy them or `dotnet restore` in the image sees another project.
 * Read from disk at synthesis time like {@link projectClosure}; a file that does not parse contributes nothing.
 */
export function msbuildInputs(repoDir: string, projects: readonly string[]): string[] {
  const out = new Set<string>();
  const projectSet = new Set(projects);
  for (const project of projects) {
    const file = join(repoDir, project);
    if (!existsSync(file)) continue;
    try {
      for (const imported of evaluateProject(repoDir, file).imports) if (!projectSet.has(imported)) out.add(imported);
    } catch {
      continue;
    }
    const targets = findAbove(dirname(file), 'Directory.Build.targets', repoDir);
    if (targets) out.add(relative(repoDir, targets).split(sep).join('/'));
  }
  return [...out].filter((f) => !ROOT_BUILD_FILES.has(f) && isSafeRelativePath(f)).sort();
}

/** Whether the app project on disk needs the ASP.NET Core shared framework; false when it is not there or unreadable. */
export function appNeedsAspNetCore(repoDir: string, appProject: string): boolean {
  const file = join(repoDir, appProject);
  if (!existsSync(file)) return false;
  try {
    return needsAspNetCore(evaluateProject(repoDir, file));
  } catch {
    return false;
  }
}
