import { JsonFile } from 'projen/lib/json.js';
import { ProjenrcFile } from 'projen/lib/projenrc.js';
import type { Project } from 'projen';

/** Relative to the repository root, where projen runs the default task. */
export const COMPILE_CACHE_DIR = 'node_modules/.cache/node-compile-cache';

/**
 * `.projenrc.ts` run by Node itself (`node .projenrc.ts`, type stripping; engines: Node >= 22.18), writing the same
 * files as projen's `ProjenrcTs` with `TypeScriptRunner.nodejs()`: the default task and `tsconfig.projen.json` (for
 * editors and `tsc --noEmit`). `ProjenrcTs` itself is not used because importing it loads projen's whole
 * `javascript` module (about 75 modules: npm, eslint, jest, release, GitHub workflows…) on every re-sync, for
 * nothing this repository uses. A unit test compares both outputs, so a projen upgrade that changes them shows up.
 */
export class NodeProjenrcTs extends ProjenrcFile {
  readonly filePath = '.projenrc.ts';
  private readonly include = ['**/*.ts'];

  constructor(project: Project) {
    super(project);
    new JsonFile(project, 'tsconfig.projen.json', {
      allowComments: true,
      obj: { compilerOptions: {}, include: () => this.include, exclude: ['node_modules'] },
    });
    project.defaultTask?.addSteps({ execArgs: ['node', this.filePath] });
    // Node keeps the compiled code of `.projenrc.ts` (type stripping included) and of every module it loads, so
    // later re-syncs skip loading the TypeScript stripper and compiling projen. node_modules/ is git-ignored and
    // `npm ci` starts it afresh.
    project.defaultTask?.env('NODE_COMPILE_CACHE', COMPILE_CACHE_DIR);
  }

  override preSynthesize(): void {
    super.preSynthesize();
    this.include.push(this.filePath, 'projenrc/**/*.ts');
  }
}
