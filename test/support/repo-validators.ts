import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { listFiles } from '../../src/cli/plan.js';
import { validateBatchObject } from '../../src/validation/apiserver/index.js';
import type { KubeObject } from '../../src/validation/index.js';
import { validatePodSecurityRestricted } from '../../src/validation/pod-security/index.js';
import { kustomizePinnedImages, validatePractices } from '../../src/validation/practice/index.js';
import { validateKustomization } from '../../src/validation/schema/kustomization.js';
import { validateSchema } from '../../src/validation/schema/index.js';
import { lintDockerfile, formatDiagnostics } from './dockerfile-lint.js';

/** Strips comments and string literals, so that only C# code is compared. */
function code(cs: string): string {
  return cs.replace(/\/\/.*$/gm, ' ').replace(/"(?:[^"\\\n]|\\.)*"/g, ' ');
}

/**
 * Problems of the generated C# names (design §10): one root namespace, never declared as a type and never used as
 * a simple name in the code (CS0118/CS0234), and job classes unique even ignoring case (CA1708).
 */
export function csharpNameProblems(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const cs = [...files].filter(([path]) => path.endsWith('.cs'));
  if (cs.length === 0) return problems;
  // Program.cs has top-level statements and no namespace.
  const roots = new Set(cs.map(([, text]) => /^namespace ([A-Za-z_][A-Za-z0-9_]*)/m.exec(text)?.[1]).filter((r) => r !== undefined));
  if (roots.size !== 1) return [`expected one root namespace, found ${[...roots].join(', ')}`];
  const root = [...roots][0] as string;
  const classes: string[] = [];
  for (const [path, text] of cs) {
    const declared = [...code(text).matchAll(/\b(?:class|record|interface|struct|enum)\s+([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
    classes.push(...declared);
    if (declared.includes(root)) problems.push(`${path} declares a type named like the namespace ${root}`);
    const uses: string[] = code(text).replace(/^\s*(?:namespace|using)\s+[^;]+;/gm, ' ').match(/\b[A-Za-z_][A-Za-z0-9_]*\b/g) ?? [];
    if (uses.includes(root)) problems.push(`${path} uses the simple name ${root}, which means the namespace there`);
  }
  const lower = classes.map((c) => c.toLowerCase());
  if (new Set(lower).size !== new Set(classes).size) problems.push(`types differ only by case: ${classes.join(', ')}`);
  return problems;
}

/**
 * Every check the project has for a generated repository, run on a directory: Kubernetes schema, apiserver rules,
 * Pod Security restricted and practices on each manifest; the kustomization; the Dockerfile linter; C# names;
 * JSON that parses; LF line ends; printable file names. Returns the problems (empty = passes).
 */
export function repoProblems(dir: string): string[] {
  const problems: string[] = [];
  const paths = listFiles(dir);
  const files = new Map(paths.map((p) => [p, readFileSync(join(dir, p), 'utf8')]));
  for (const [path, text] of files) {
    if (/[\p{Cc}\p{Cf}]/u.test(path)) problems.push(`unprintable file name ${JSON.stringify(path)}`);
    if (text.includes('\r')) problems.push(`${path}: CRLF line ends`);
    if (path.endsWith('.json')) {
      try {
        // projen heads its JSONC files (tsconfig) with a comment line.
        JSON.parse(text.replace(/^\/\/.*$/gm, ''));
      } catch (error) {
        problems.push(`${path}: ${(error as Error).message}`);
      }
    }
  }
  const kustomization = files.get('deploy/k8s/kustomization.yaml');
  if (!kustomization) problems.push('no deploy/k8s/kustomization.yaml');
  else {
    const kobj = parse(kustomization) as KubeObject;
    problems.push(...validateKustomization(kobj).map((p) => `kustomization ${p.path}: ${p.message}`));
    const pinned = kustomizePinnedImages(kobj);
    for (const [path, text] of files) {
      if (!path.startsWith('deploy/k8s/') || path.endsWith('kustomization.yaml')) continue;
      const obj = parse(text) as KubeObject;
      const findings = [...validateSchema(obj), ...validateBatchObject(obj), ...validatePodSecurityRestricted(obj), ...validatePractices(obj, { kustomizePinnedImages: pinned })];
      problems.push(...findings.map((f) => `${path} ${f.path}: [${f.source}/${f.rule}] ${f.message}`));
    }
  }
  const dockerfile = files.get('Dockerfile');
  if (dockerfile) {
    const diagnostics = lintDockerfile(dockerfile);
    if (diagnostics.length > 0) problems.push(`Dockerfile:\n${formatDiagnostics(diagnostics)}`);
  }
  problems.push(...csharpNameProblems(files));
  return problems;
}
