import { JsonFile } from 'projen/lib/json.js';
import type { Project } from 'projen';
import { packageJson } from '../../util/package-info.js';
import type { RepoContext } from '../../project/context.js';

/**
 * The generated repo's `package.json`: it pins this package (and so the policy version) and projen, and is
 * ESM so Node runs `.projenrc.ts` with its own type stripping (no ts-node).
 */
export function addPackageJson(project: Project, ctx: RepoContext, packageVersion: string): JsonFile {
  return new JsonFile(project, 'package.json', {
    readonly: true,
    obj: {
      name: ctx.name,
      private: true,
      type: 'module',
      scripts: { projen: 'projen' },
      devDependencies: {
        [packageJson.name]: packageVersion,
        constructs: packageJson.dependencies.constructs,
        projen: packageJson.dependencies.projen,
      },
      engines: { node: '>=22.18.0' },
    },
  });
}
