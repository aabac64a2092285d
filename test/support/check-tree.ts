import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { synthesize } from '../../src/cli/plan.js';
import { fakeAgentKey } from './fake-key.js';

const fixtures = fileURLToPath(new URL('../fixtures/check/', import.meta.url));

/**
 * A repository (no `.git` below `dir`) with something for every rule family and every kind of note, spread over
 * a few hundred files so that threads sharing the work each get chunks of every kind: the guide's and the .NET
 * fixtures, generated repositories with their manifests broken in numbered copies (several findings on one line,
 * so a reordering shows), invalid YAML, a binary, a file over `maxFileBytes`, secrets, and plain C# files.
 */
export function writeCheckTree(dir: string, options: { maxFileBytes: number }): void {
  cpSync(join(fixtures, 'guide'), join(dir, 'guide'), { recursive: true });
  const agent = readFileSync(join(dir, 'guide/install-agent.sh.template'), 'utf8').replaceAll('<REDACTED>', fakeAgentKey(7));
  writeFileSync(join(dir, 'guide/install-agent.sh'), agent);
  cpSync(join(fixtures, 'dotnet'), join(dir, 'dotnet'), { recursive: true });
  for (const name of ['alpha', 'beta']) {
    synthesize({ name, jobs: [{ name: 'report' }, { name: 'cleanup', kind: 'job' }], http: { host: `${name}.example.com`, service: 'web', port: 8080, route: 'ingress' } } as never, join(dir, 'apps', name));
  }
  const cronJob = readFileSync(join(dir, 'apps/alpha/deploy/k8s/report.cronjob.yaml'), 'utf8');
  for (let i = 0; i < 120; i++) {
    const folder = join(dir, 'many', `team${i % 7}`, `svc${i}`);
    mkdirSync(folder, { recursive: true });
    // Unpinned images, an unknown job name, missing limits: several findings per object, some on one line.
    const broken = cronJob
      .replace(/image: (\S+)/, i % 2 === 0 ? 'image: $1:latest' : 'image: $1')
      .replace(/- report\b/, `- job${i}`)
      .replace(/^(\s*)limits:/m, '$1unknownField: 1\n$1limits:');
    writeFileSync(join(folder, 'cronjob.yaml'), broken);
    if (i % 12 === 0) writeFileSync(join(folder, 'kustomization.yaml'), `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamePrefix: p${i}-\nresources:\n  - cronjob.yaml\nimages:\n  - name: alpha\n    newTag: "1.${i}"\n`);
    if (i % 10 === 0) writeFileSync(join(folder, 'invalid.yaml'), 'kind: Job\nmetadata:\n  name: [unclosed\n');
    if (i % 15 === 0) writeFileSync(join(folder, 'values.yaml'), `apiKey: ${fakeAgentKey(i + 1)}\n`);
    writeFileSync(join(folder, `Plain${i}.cs`), `namespace Org.Svc${i};\n\npublic sealed class Plain${i}\n{\n    public int Value => ${i};\n}\n`);
    if (i % 20 === 0) writeFileSync(join(folder, `Tick${i}.cs`), `using System.Threading;\nusing Quartz;\n\nnamespace Org.Svc${i};\n\npublic sealed class Tick${i}\n{\n    private readonly Timer _t = null!;\n}\n`);
  }
  writeFileSync(join(dir, 'many/team0/Binary.cs'), Buffer.from([0x75, 0x73, 0x69, 0x6e, 0x67, 0x00, 0x01]));
  writeFileSync(join(dir, 'many/team1/huge.yaml'), `kind: ConfigMap\n# ${'x'.repeat(options.maxFileBytes)}\n`);
  writeFileSync(join(dir, 'many/team2/Huge.cs'), `// ${'y'.repeat(options.maxFileBytes)}\n`);
}
