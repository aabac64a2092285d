// `batch-job check` throughput: a synthetic organisation tree of 2,000 projects, 20,000 .cs files and 5,000 manifests.
//
//   node bench/check.ts [--keep]        (part of `npm run bench`)
//
// A benchmark, not a test: exits 0 whatever the numbers, non-zero only when something fails to run or the check
// finds something other than the planted findings (so it cannot time a no-op).
//
//  1. `npx tsc` so lib/ is current; synthesise one generated repository (lib/cli/plan.js) for realistic manifests.
//  2. Writes the tree into a temp folder: per project a csproj, 10 .cs files (1 in 20 mentions `Timer` or
//     `BackgroundService`, so the pre-filter sends it to tree-sitter; 1 in 200 holds a real System.Threading.Timer
//     field) and 2–3 manifests copied from the generated repo (a kustomization.yaml pinning the image, plus CronJob,
//     Job, ConfigMap, ServiceAccount… files: valid, so they run every validator).
//  3. Baseline, in a child process: list the same files and read each one (what any scanner must at least do).
//  4. Measured, in a fresh child process: `checkDirectory` on the tree (walk, read, pre-filter, parse, validate).
//     Peak memory is that child's maxRSS. Both children run twice, alternating; the best run of each is kept.
//  5. Prints files/s, the ratio check/baseline, peak RSS, PASS/MISS against 10,000 files/s; writes bench/out/check.json.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECTS = 2000;
const CS_PER_PROJECT = 10;
const MANIFESTS = 5000;
const TARGET_FILES_PER_S = 10_000;
const root = fileURLToPath(new URL('../', import.meta.url));

interface Measure {
  readonly files: number;
  readonly ms: number;
  readonly maxRssKb: number;
  readonly findings?: number;
  readonly parsed?: number;
}

async function child(mode: string, dir: string): Promise<void> {
  const start = performance.now();
  let result: Omit<Measure, 'ms' | 'maxRssKb'>;
  if (mode === 'baseline') {
    let files = 0;
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else {
          readFileSync(p, 'utf8');
          files++;
        }
      }
    };
    walk(dir);
    result = { files };
  } else {
    const { checkDirectory } = await import(join(root, 'lib/check/run.js'));
    const report = await checkDirectory(dir, 'bench', { kubectl: false });
    result = { files: report.filesScanned, findings: report.findings.length };
  }
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ...result, ms, maxRssKb: process.resourceUsage().maxRSS }));
}

function measure(mode: string, dir: string): Measure {
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, dir], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`${mode} run failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Measure;
}

async function main(): Promise<void> {
  const tsc = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error('tsc failed');
  const { synthesize, listFiles } = await import(join(root, 'lib/cli/plan.js'));
  const work = mkdtempSync(join(tmpdir(), 'cbj-bench-check-'));
  try {
    const sample = join(work, 'sample');
    synthesize({ name: 'sample', jobs: [{ name: 'a' }, { name: 'b', kind: 'job' }] }, sample);
    const manifests = (listFiles(sample) as string[]).filter((p) => p.startsWith('deploy/k8s/') && !p.endsWith('kustomization.yaml')).map((p) => readFileSync(join(sample, p), 'utf8'));
    // The generated manifests name the image bare; the kustomization pins it, so each deploy folder carries one.
    const kustomization = readFileSync(join(sample, 'deploy/k8s/kustomization.yaml'), 'utf8');
    const tree = join(work, 'org');
    let planted = 0;
    let manifestCount = 0;
    for (let p = 0; p < PROJECTS; p++) {
      const dir = join(tree, `team${p % 50}`, `Project${p}`);
      mkdirSync(join(dir, 'deploy'), { recursive: true });
      writeFileSync(join(dir, `Project${p}.csproj`), '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include="Microsoft.Extensions.Hosting" Version="8.0.1" />\n  </ItemGroup>\n</Project>\n');
      for (let c = 0; c < CS_PER_PROJECT; c++) {
        const n = p * CS_PER_PROJECT + c;
        const body =
          n % 200 === 0
            ? (planted++, `    private readonly System.Threading.Timer _t = null!;`)
            : n % 20 === 0
              ? `    // Elapsed time is measured by the Timer helper of the BackgroundService docs, not scheduled.\n    public TimeSpan Elapsed { get; set; }`
              : `    public int Add${c}(int a, int b) => a + b + ${c};`;
        writeFileSync(join(dir, `File${c}.cs`), `using System;\nusing System.Collections.Generic;\n\nnamespace Org.Team${p % 50}.Project${p};\n\npublic sealed class Type${c}\n{\n${body}\n    public IReadOnlyList<string> Names { get; } = new List<string> { "a", "b" };\n}\n`);
      }
      const count = Math.floor(((p + 1) * MANIFESTS) / PROJECTS) - Math.floor((p * MANIFESTS) / PROJECTS);
      writeFileSync(join(dir, 'deploy', 'kustomization.yaml'), kustomization);
      for (let m = 1; m < count; m++) writeFileSync(join(dir, 'deploy', `m${m}.yaml`), manifests[(p + m) % manifests.length]!);
      manifestCount += count;
    }
    const files = PROJECTS * (1 + CS_PER_PROJECT) + manifestCount;
    console.log(`tree: ${PROJECTS} projects, ${PROJECTS * CS_PER_PROJECT} .cs, ${manifestCount} manifests (${files} files); ${planted} planted timer findings; ${cpus().length} CPUs`);

    const baseline: Measure[] = [];
    const check: Measure[] = [];
    for (let round = 0; round < 2; round++) {
      baseline.push(measure('baseline', tree));
      check.push(measure('check', tree));
    }
    for (const c of check) {
      if (c.files !== files) throw new Error(`check listed ${c.files} files, expected ${files}`);
      if (c.findings !== planted) throw new Error(`check found ${c.findings} findings, expected the ${planted} planted ones`);
    }
    const best = (ms: Measure[]) => ms.reduce((a, b) => (b.ms < a.ms ? b : a));
    const b = best(baseline);
    const c = best(check);
    const rate = files / (c.ms / 1000);
    const rows = [
      ['baseline (list + read)', b.ms, files / (b.ms / 1000), b.maxRssKb],
      ['batch-job check', c.ms, rate, c.maxRssKb],
    ] as const;
    for (const [label, ms, fps, rss] of rows) console.log(`${label.padEnd(24)} ${ms.toFixed(0).padStart(7)} ms  ${fps.toFixed(0).padStart(8)} files/s  peak RSS ${(rss / 1024).toFixed(0)} MiB`);
    console.log(`check / baseline time: ${(c.ms / b.ms).toFixed(2)}x`);
    console.log(`${rate >= TARGET_FILES_PER_S ? 'PASS' : 'MISS'}: ${rate.toFixed(0)} files/s (target ≥ ${TARGET_FILES_PER_S})`);
    const out = join(root, 'bench/out/check.json');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify({ files, planted, baseline, check, filesPerSecond: rate, target: TARGET_FILES_PER_S, cpus: cpus().length, at: new Date().toISOString() }, null, 2)}\n`);
  } finally {
    if (!process.argv.includes('--keep')) rmSync(work, { recursive: true, force: true });
    else console.log(`kept ${work}`);
  }
}

const i = process.argv.indexOf('--child');
if (i >= 0) await child(process.argv[i + 1]!, process.argv[i + 2]!);
else await main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

