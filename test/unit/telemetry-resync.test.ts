import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adopt } from '../../src/adopt/adopt.js';
import { INSTANA_VALUES_PATH } from '../../src/components/instana/index.js';
import { policy } from '../../src/policy/index.js';
import { BatchJobProject } from '../../src/project/batch-job-project.js';

const TELEMETRY_CS = 'src/Reports/JobTelemetry.cs';

describe('a repo synthesised by policy 1.0.0 gains the telemetry files on the next re-sync', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes them, lists them as managed, keeps Program.cs, and names them in the changelog it prints', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'cbj-resync-'));
    try {
      new BatchJobProject({ name: 'reports', outdir, logSummary: false }).synth();
      const program = readFileSync(join(outdir, 'src/Reports/Program.cs'), 'utf8');
      // What a 1.0.0 repo looked like: neither file, and the 1.0.0 record.
      for (const path of [INSTANA_VALUES_PATH, TELEMETRY_CS]) rmSync(join(outdir, path));
      const record = join(outdir, '.projen/batch-job.json');
      chmodSync(record, 0o644);
      writeFileSync(record, JSON.stringify({ policyVersion: '1.0.0' }));

      const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
      new BatchJobProject({ name: 'reports', outdir }).synth();
      const printed = log.mock.calls.map((c) => String(c[0])).join('\n');

      for (const path of [INSTANA_VALUES_PATH, TELEMETRY_CS]) expect(existsSync(join(outdir, path)), path).toBe(true);
      expect(JSON.parse(readFileSync(join(outdir, '.projen/files.json'), 'utf8')).files).toEqual(expect.arrayContaining([INSTANA_VALUES_PATH, TELEMETRY_CS]));
      expect(readFileSync(join(outdir, 'src/Reports/Program.cs'), 'utf8')).toBe(program);
      expect(printed).toContain(`batch-job policy ${policy.version} applied (was 1.0.0); changes:`);
      expect(printed).toContain(`${policy.version}: New managed deploy/instana/values.yaml`);
      expect(printed).toContain('JobTelemetry.cs');
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('the managed telemetry file is JobTelemetry.cs, checked by the analyzers', () => {
  it('a re-sync deletes the JobTelemetry.g.cs an earlier synthesis listed as managed, and writes JobTelemetry.cs', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'cbj-resync-'));
    try {
      new BatchJobProject({ name: 'reports', outdir, logSummary: false }).synth();
      // What an earlier synthesis left: the .g.cs file, listed in projen's manifest instead of the .cs one.
      const old = 'src/Reports/JobTelemetry.g.cs';
      writeFileSync(join(outdir, old), readFileSync(join(outdir, TELEMETRY_CS), 'utf8'));
      rmSync(join(outdir, TELEMETRY_CS));
      const manifest = join(outdir, '.projen/files.json');
      const files = JSON.parse(readFileSync(manifest, 'utf8')) as { files: string[] };
      chmodSync(manifest, 0o644);
      writeFileSync(manifest, JSON.stringify({ files: files.files.map((f) => (f === TELEMETRY_CS ? old : f)) }));

      new BatchJobProject({ name: 'reports', outdir, logSummary: false }).synth();

      expect(existsSync(join(outdir, old))).toBe(false);
      expect(existsSync(join(outdir, TELEMETRY_CS))).toBe(true);
      const listed = (JSON.parse(readFileSync(manifest, 'utf8')) as { files: string[] }).files;
      expect(listed.filter((f) => f.endsWith('.g.cs'))).toEqual([]);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('adopt treats the Instana values like any managed file', () => {
  it('creates it next to an adopted app, and keeps an existing one as the team\'s (unmanaged) without --force', () => {
    const fixture = join(import.meta.dirname, '../fixtures/adopt/console-app');

    const fresh = mkdtempSync(join(tmpdir(), 'cbj-adopt-'));
    const kept = mkdtempSync(join(tmpdir(), 'cbj-adopt-'));
    try {
      cpSync(fixture, fresh, { recursive: true });
      const created = adopt({ repo: fresh, dryRun: true, name: 'tool' });
      expect(created.plan.find((c) => c.path === INSTANA_VALUES_PATH)?.action).toBe('create');
      expect(created.plan.some((c) => c.path.endsWith('JobTelemetry.cs'))).toBe(false);

      cpSync(fixture, kept, { recursive: true });
      mkdirSync(join(kept, 'deploy/instana'), { recursive: true });
      writeFileSync(join(kept, INSTANA_VALUES_PATH), 'agent:\n  keysSecret: our-own-secret\n');
      const adopted = adopt({ repo: kept, dryRun: true, name: 'tool' });
      expect(adopted.conflicts.map((c) => c.path)).toContain(INSTANA_VALUES_PATH);
      expect(adopted.options.unmanaged).toContain(INSTANA_VALUES_PATH);
      expect(adopted.plan.find((c) => c.path === INSTANA_VALUES_PATH)?.action ?? 'unchanged').not.toBe('update');
    } finally {
      rmSync(fresh, { recursive: true, force: true });
      rmSync(kept, { recursive: true, force: true });
    }
  });
});
