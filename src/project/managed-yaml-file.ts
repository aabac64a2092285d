import { stringify } from 'yaml';
import { ObjectFile } from 'projen/lib/object-file.js';
import type { IResolver, ObjectFileOptions, Project } from 'projen';
import { RESOLVER, synthesizeIfChanged } from './unchanged-file.js';

/**
 * A managed YAML file (manifests, workflows, Helm values): projen's `YamlFile` output, byte for byte, written with
 * this package's own `yaml` rather than projen's.
 *
 * Why not `YamlFile`: importing `projen/lib/yaml.js` loads projen's copy of `yaml`, 72 CommonJS files, on every
 * re-sync, while this package's copy is already inside its bundle. It also pins the YAML output to the policy
 * version instead of to whichever `yaml` npm resolved for projen. It stays an `ObjectFile`, so a team's
 * `project.tryFindObjectFile(path)?.addOverride(…)` works as on any projen file.
 */
export class ManagedYamlFile extends ObjectFile {
  constructor(project: Project, filePath: string, options: ObjectFileOptions) {
    super(project, filePath, options);
  }

  /** Content computed by `synthesize` for projen's own synthesis to write, so it is computed once. */
  private computed: string | undefined;

  /** As projen's, but an unchanged file is left alone even when running as root (see isUnchanged). */
  override synthesize(): void {
    synthesizeIfChanged(this, this.synthesizeContent(RESOLVER), (content) => (this.computed = content), () => super.synthesize());
  }

  protected override synthesizeContent(resolver: IResolver): string | undefined {
    if (this.computed !== undefined) return this.computed;
    const json = super.synthesizeContent(resolver);
    if (!json) return undefined;
    // As projen's YamlFile (lineWidth 0: never fold long lines, which would change a command or a URL).
    return [...(this.marker ? [`# ${this.marker}`] : []), '', stringify(JSON.parse(json), { indent: 2, lineWidth: 0 })].join('\n');
  }
}
