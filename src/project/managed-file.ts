import { FileBase } from 'projen/lib/file.js';
import type { IResolver, Project } from 'projen';
import { RESOLVER, synthesizeIfChanged } from './unchanged-file.js';

/** How a file format writes a one-line comment; the projen marker goes on the first line. */
export type CommentStyle = 'hash' | 'slash' | 'xml';

const wrap: Record<CommentStyle, (text: string) => string> = {
  hash: (text) => `# ${text}`,
  slash: (text) => `// ${text}`,
  xml: (text) => `<!-- ${text} -->`,
};

export interface ManagedTextFileOptions {
  readonly comment: CommentStyle;
  /**
   * File contents, computed at synth time so later changes to the project show up. Receives the marker
   * comment line; a template that places it itself (e.g. after a shebang) returns it, else it is prepended.
   */
  readonly contents: (header: string) => string;
}

/**
 * A read-only text file owned by the policy: re-synthesised whole on every `npx projen`, listed in
 * `.projen/files.json` so a file the policy drops is deleted, and headed by projen's marker.
 */
export class ManagedTextFile extends FileBase {
  constructor(
    project: Project,
    filePath: string,
    private readonly options: ManagedTextFileOptions,
  ) {
    super(project, filePath, { readonly: true });
  }

  /** Content computed by `synthesize` for projen's own synthesis to write, so it is computed once. */
  private computed: string | undefined;

  /** As projen's, but an unchanged file is left alone even when running as root (see isUnchanged). */
  override synthesize(): void {
    synthesizeIfChanged(this, this.synthesizeContent(RESOLVER), (content) => (this.computed = content), () => super.synthesize());
  }

  protected synthesizeContent(_resolver: IResolver): string | undefined {
    if (this.computed !== undefined) return this.computed;
    const header = this.marker ? wrap[this.options.comment](this.marker) : '';
    const body = this.options.contents(header).replace(/^\n+/, '');
    const text = header === '' || body.includes(header) ? body : `${header}\n${body}`;
    return text.endsWith('\n') ? text : `${text}\n`;
  }
}
