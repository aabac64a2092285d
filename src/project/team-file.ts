import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Component } from 'projen/lib/component.js';
import type { Project } from 'projen';
import { writeFile } from 'projen/lib/util.js';

/**
 * A team-owned file written once, when it does not exist yet (projen's `SampleFile` semantics), whose contents are
 * computed only then. On a re-sync every team file already exists, so its template is never rendered: projen's
 * `SampleFile` takes the contents eagerly, which made each re-sync compile and render every sample template for
 * nothing.
 */
export class TeamFile extends Component {
  constructor(
    project: Project,
    readonly filePath: string,
    private readonly contents: () => string,
  ) {
    super(project);
  }

  override synthesize(): void {
    const path = join(this.project.outdir, this.filePath);
    if (existsSync(path)) return;
    writeFile(path, this.contents(), { readonly: false });
  }
}
