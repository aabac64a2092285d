import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBin, snapshot, tempDir } from '../support/cli.js';
import { catalogs } from '../../src/cli/i18n.js';
import { drivePty } from '../support/pty.js';

const ENTER = '\r';
const CTRL_C = '\x03';
const DOWN = '\x1b[B';
const BACKSPACE = '\x7f';
const CTRL_U = '\x15';

describe('create-batch-job: interactive (real pseudo-terminal)', () => {
  it('asks every question, rejects a bad name in place, and generates', async () => {
    const cwd = tempDir();
    const result = await drivePty([process.execPath, createBin, '--no-install'], cwd, [
      { expect: 'Directory to create', send: `reports${ENTER}` },
      { expect: 'Repository and app name', send: `Bad_Name${ENTER}` },
      { expect: 'is not a lowercase DNS-1123 label', send: `${BACKSPACE.repeat(8)}nightly-report${ENTER}` },
      { expect: 'Target framework', send: `${DOWN}${ENTER}` },
      { expect: 'Job names', send: `export, cleanup${ENTER}` },
      { expect: 'Job 1 of 2: export[\\s\\S]*How does this job run', send: ENTER },
      { expect: 'Time zone of the schedule', send: `Europe/Madrid${ENTER}` },
      { expect: 'previous one still runs', send: ENTER },
      // Six fields: the apiserver's parser refuses it, in place.
      { expect: 'Schedule \\(cron', send: `0 0 * * * *${ENTER}` },
      { expect: 'is a schedule Kubernetes would reject', send: `${BACKSPACE.repeat(11)}30 2 * * *${ENTER}` },
      // Words, the next runs in the zone, and the DST warning for 02:30 in Madrid, before confirming.
      { expect: 'Next 5 runs:[\\s\\S]*Europe/Madrid[\\s\\S]*Warning:[\\s\\S]*Use this schedule', send: ENTER },
      { expect: 'Pod restart policy', send: ENTER },
      // The second job is asked too, offered the first job's answers (the zone was silently Etc/UTC before).
      { expect: 'Job 2 of 2: cleanup[\\s\\S]*How does this job run', send: ENTER },
      { expect: 'Time zone of the schedule', send: ENTER },
      { expect: 'previous one still runs', send: ENTER },
      { expect: 'Schedule \\(cron', send: ENTER },
      { expect: 'Next 5 runs:[\\s\\S]*Use this schedule', send: ENTER },
      { expect: 'Pod restart policy', send: ENTER },
      { expect: 'Kubernetes namespace', send: `reporting${ENTER}` },
      { expect: 'Image registry', send: ENTER },
      { expect: 'web front', send: ENTER },
      { expect: 'Instana zone', send: `eu-west${ENTER}` },
      { expect: 'Cluster name in Instana', send: ENTER },
      { expect: 'Instana backend endpoint', send: ENTER },
      { expect: 'CI system', send: `${DOWN}${ENTER}` },
      { expect: 'Next steps', send: '' },
    ]);
    expect(result.failedStep, result.transcript).toBeNull();
    expect(result.exitCode, result.transcript).toBe(0);
    const dir = join(cwd, 'reports');
    expect(readFileSync(join(dir, 'Directory.Build.props'), 'utf8')).toContain('net10.0');
    expect(existsSync(join(dir, 'src/NightlyReport/Jobs/ExportJob.cs'))).toBe(true);
    expect(existsSync(join(dir, 'src/NightlyReport/Jobs/CleanupJob.cs'))).toBe(true);
    const cronJob = readFileSync(join(dir, 'deploy/k8s/export.cronjob.yaml'), 'utf8');
    expect(cronJob).toContain('schedule: 30 2 * * *');
    expect(cronJob).toContain('timeZone: Europe/Madrid');
    const cleanup = readFileSync(join(dir, 'deploy/k8s/cleanup.cronjob.yaml'), 'utf8');
    expect(cleanup).toContain('schedule: 30 2 * * *');
    expect(cleanup).toContain('timeZone: Europe/Madrid');
    const rc = readFileSync(join(dir, '.projenrc.ts'), 'utf8');
    // Accepted defaults are not recorded, so they keep following the policy.
    expect(rc).toContain("namespace: 'reporting'");
    expect(rc).not.toContain('registry');
    expect(rc).not.toContain('concurrencyPolicy');
    expect(rc).toContain("ci: 'azure'");
    expect(existsSync(join(dir, 'azure-pipelines.yml'))).toBe(true);
    expect(existsSync(join(dir, '.github'))).toBe(false);
  });

  it('Spanish: two jobs with their own schedule and zone, no English on screen', async () => {
    const cwd = tempDir();
    const result = await drivePty([process.execPath, createBin, '--no-install'], cwd, [
      // A stray Ctrl+U while typing the directory must not end up in its name.
      { expect: 'Directorio a crear', send: `infor${CTRL_U}mes${ENTER}` },
      { expect: 'Nombre del repositorio', send: `${BACKSPACE.repeat(20)}facturas${ENTER}` },
      { expect: 'Framework de destino', send: ENTER },
      { expect: 'Nombres de los jobs', send: `${BACKSPACE.repeat(20)}exportar, limpiar${ENTER}` },
      { expect: 'Job 1 de 2: exportar[\\s\\S]*¿Cómo se ejecuta este job\\?', send: ENTER },
      { expect: 'Zona horaria', send: `${BACKSPACE.repeat(20)}Europe/Madrid${ENTER}` },
      { expect: 'la anterior sigue en curso', send: ENTER },
      { expect: 'Planificación \\(cron', send: `${BACKSPACE.repeat(20)}15 6 * * 1-5${ENTER}` },
      { expect: 'Se ejecuta:[\\s\\S]*Europe/Madrid[\\s\\S]*¿Usar esta planificación\\?', send: 's' },
      { expect: 'Política de reinicio', send: ENTER },
      { expect: 'Job 2 de 2: limpiar[\\s\\S]*¿Cómo se ejecuta este job\\?', send: ENTER },
      // The first job's zone is offered; this job runs elsewhere, on another schedule, replacing overlaps.
      { expect: 'Zona horaria[^\\n]*Europe/Madrid', send: `${BACKSPACE.repeat(20)}America/Bogota${ENTER}` },
      { expect: 'la anterior sigue en curso', send: `${DOWN}${ENTER}` },
      { expect: 'Planificación \\(cron[^\\n]*15 6 \\* \\* 1-5', send: `${BACKSPACE.repeat(20)}0 23 * * *${ENTER}` },
      { expect: 'Se ejecuta:[\\s\\S]*America/Bogota[\\s\\S]*¿Usar esta planificación\\?', send: ENTER },
      { expect: 'Política de reinicio', send: ENTER },
      { expect: 'Namespace de Kubernetes', send: ENTER },
      { expect: 'Registro de imágenes', send: ENTER },
      { expect: 'front web', send: ENTER },
      { expect: 'Zona de Instana', send: ENTER },
      { expect: 'Nombre del clúster en Instana', send: ENTER },
      { expect: 'Endpoint del backend de Instana', send: ENTER },
      { expect: 'Sistema de CI', send: ENTER },
      { expect: 'Siguientes pasos', send: '' },
    ], { LANG: 'es_ES.UTF-8' });
    expect(result.failedStep, result.transcript).toBeNull();
    expect(result.exitCode, result.transcript).toBe(0);
    const dir = join(cwd, 'informes');
    const exportar = readFileSync(join(dir, 'deploy/k8s/exportar.cronjob.yaml'), 'utf8');
    expect(exportar).toContain('schedule: 15 6 * * 1-5');
    expect(exportar).toContain('timeZone: Europe/Madrid');
    expect(exportar).toContain('concurrencyPolicy: Forbid');
    const limpiar = readFileSync(join(dir, 'deploy/k8s/limpiar.cronjob.yaml'), 'utf8');
    expect(limpiar).toContain('schedule: 0 23 * * *');
    expect(limpiar).toContain('timeZone: America/Bogota');
    expect(limpiar).toContain('concurrencyPolicy: Replace');
    // The answer to a yes/no question echoes in Spanish.
    expect(result.transcript).toMatch(/¿Usar esta planificación\?[^\n]*sí/);
    // Nothing English: neither the prompt library's own hints nor any of our English prompts.
    for (const english of ['Use arrow-keys', 'Return to submit', '(y/N)', '(Y/n)', 'Next 5 runs', 'Runs:']) {
      expect(result.transcript).not.toContain(english);
    }
    const es = catalogs.es.prompt as Record<string, unknown>;
    for (const [key, text] of Object.entries(catalogs.en.prompt)) {
      if (typeof text === 'string' && text !== es[key]) expect(result.transcript, key).not.toContain(text);
    }
    expect(result.transcript).not.toMatch(/\byes\b/);
  });

  it('Ctrl+C at a prompt exits 130 and writes nothing', async () => {
    const cwd = tempDir();
    const before = snapshot(cwd);
    const result = await drivePty([process.execPath, createBin, '--no-install'], cwd, [
      { expect: 'Directory to create', send: `reports${ENTER}` },
      { expect: 'Repository and app name', send: CTRL_C },
    ]);
    expect(result.failedStep, result.transcript).toBeNull();
    expect(result.exitCode, result.transcript).toBe(130);
    expect(result.transcript).toContain('Cancelled: nothing was written.');
    expect(snapshot(cwd)).toBe(before);
  });
});
