import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.js';
import { runCreateBin, tempDir } from '../support/cli.js';
import { dotnet, warningCount } from '../support/dotnet.js';
import { TRICKY_NAMES } from '../support/names.js';

const frameworks = Object.keys(policy.frameworks);

/**
 * Accepted option sets that shape the C# (name, jobs, framework): the names of design §10 plus job lists whose
 * classes could collide with each other, with the app or with generated types. The other options only change YAML,
 * which the fuzz test validates without building.
 */
const SETS: readonly (readonly string[])[] = [
  ...TRICKY_NAMES.map((name, i) => ['--name', name, '--framework', frameworks[i % frameworks.length]!]),
  ['--name', 'report-app', '--job', 'a,a-job,a-b,ab,i-job,job-host,report-app'],
  ['--name', 'nightly-report', '--job', 'nightly-report,task,console,class,9-lives'],
];

// All variants go into ONE solution and ONE msbuild run (shared NuGet cache, one restore): building them one by one
// would cost a minute each on this machine.
describe(`${SETS.length} accepted option sets build with -warnaserror`, () => {
  let root: string;

  beforeAll(async () => {
    root = tempDir('cbj-names-');
    for (const [i, args] of SETS.entries()) {
      const created = await runCreateBin([`v${i}`, '--yes', '--no-install', ...args], { cwd: root });
      expect(created.exitCode, `${args.join(' ')}\n${created.stderr}`).toBe(0);
    }
    const sln = await dotnet(['new', 'sln', '--name', 'all', '--format', 'sln'], root);
    expect(sln.exitCode, sln.all).toBe(0);
    const projects = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.csproj'));
    expect(projects.length).toBe(SETS.length * 2);
    const added = await dotnet(['sln', 'all.sln', 'add', '--in-root', ...projects], root);
    expect(added.exitCode, added.all).toBe(0);
  }, 600_000);

  // Compiling is what a name can break (CS0118, CA1716…); running the samples' tests is dotnet.test.ts's job.
  it('builds every variant with 0 warnings', async () => {
    const started = Date.now();
    const build = await dotnet(['build', 'all.sln', '-warnaserror', '-maxcpucount:2', '-nologo', '-clp:Summary'], root, { timeout: 1_500_000 });
    console.log(`built ${SETS.length} option sets (${SETS.length * 2} projects) in ${Math.round((Date.now() - started) / 1000)} s`);
    expect(build.exitCode, build.all.slice(-6000)).toBe(0);
    expect(warningCount(build.all)).toBe(0);
  }, 1_600_000);
});
