import type { Project } from 'projen';
import type { RepoContext } from '../../project/context.js';
import { ManagedTextFile } from '../../project/managed-file.js';

/** The org's code style, when the policy ships one; a policy that stops shipping it gets the file deleted. */
export function addEditorConfig(project: Project, ctx: RepoContext): void {
  const contents = ctx.policy.editorConfig;
  if (contents === undefined) return;
  new ManagedTextFile(project, '.editorconfig', { comment: 'hash', contents: () => contents });
}
