import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
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
