import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const slnxParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => name === 'Folder' || name === 'Project' });

interface SlnxFolder {
  Folder?: SlnxFolder[];
  Project?: { '@_Path'?: string }[];
}

/** `a\b/../c.csproj` relative to the solution's folder → repository-relative POSIX path. */
function fromSolution(solution: string, path: string): string {
  return normalize(join(dirname(solution), path.replaceAll('\\', '/'))).replaceAll('\\', '/');
}

/**
 * Project paths (repository-relative, `/`) listed in an XML solution (`.slnx`, the format Visual Studio 17.13 and
 * .NET SDK 9.0.200 write): `<Project Path>` at the top or inside `<Folder>`s, nested to any depth.
 */
export function slnxProjects(solution: string, text: string): string[] {
  const doc = slnxParser.parse(text) as { Solution?: SlnxFolder | '' };
  const out: string[] = [];
  const visit = (node: SlnxFolder) => {
    for (const project of node.Project ?? []) if (project['@_Path']) out.push(fromSolution(solution, project['@_Path']));
    for (const folder of node.Folder ?? []) visit(folder);
  };
  if (doc.Solution && typeof doc.Solution === 'object') visit(doc.Solution);
  return out;
}

/**
 * Project paths listed in a classic `.sln` (a line-based text format, not XML):
 * `Project("{type}") = "Name", "src\Api\Api.csproj", "{guid}"`. Solution folders (whose "path" is their name) are
 * left out because they do not name a project file.
 */
export function slnProjects(solution: string, text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/^\s*Project\("\{[^}]*\}"\)\s*=\s*"[^"]*"\s*,\s*"([^"]+)"/gm)) {
    const path = match[1]!;
    if (/\.\w+proj$/i.test(path)) out.push(fromSolution(solution, path));
  }
  return out;
}

/** Projects of a solution file, by its extension; `solution` is repository-relative. */
export function solutionProjects(repo: string, solution: string): string[] {
  const text = readFileSync(join(repo, solution), 'utf8').replace(/^\uFEFF/, '');
  if (solution.endsWith('.slnx')) {
    const valid = XMLValidator.validate(text);
    if (valid !== true) throw new Error(`line ${valid.err.line}: ${valid.err.msg}`);
  }
  return solution.endsWith('.slnx') ? slnxProjects(solution, text) : slnProjects(solution, text);
}
