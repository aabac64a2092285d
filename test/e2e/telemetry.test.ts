import { createServer, type Server, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { policy } from '../../src/policy/index.js';
import { runCreateBin, tempDir } from '../support/cli.js';
import { dotnet, jsonLines, startApp } from '../support/dotnet.js';
import { OtlpReceiver, type ReceivedDataPoint } from '../support/otlp-receiver.js';

const APP = 'NightlyReport';
const JOB = 'nightly-report';
const NAMESPACE = 'reporting';
const IMAGE_TAG = '2.4.1';
// What the kubelet would resolve the downward-API fields to on a pod of this CronJob.
const POD = { 'status.hostIP': '127.0.0.1', 'metadata.namespace': NAMESPACE, 'metadata.name': `${JOB}-29412000-x7k2p` } as Record<string, string>;
const JOB_RUN = `${JOB}-29412000`;

type EnvVar = { name: string; value?: string; valueFrom?: { fieldRef?: { fieldPath: string } } };

/**
 * The container's environment as Kubernetes would build it from the rendered manifests: the ConfigMap
 * (`envFrom`), then `env` in order with downward-API fields resolved and `$(VAR)` expanded.
 */
function manifestEnv(dir: string): Record<string, string> {
  const cronJob = parse(readFileSync(join(dir, `deploy/k8s/${JOB}.cronjob.yaml`), 'utf8'));
  const config = parse(readFileSync(join(dir, `deploy/k8s/${JOB}.config.yaml`), 'utf8'));
  const container = cronJob.spec.jobTemplate.spec.template.spec.containers[0];
  const env: Record<string, string> = { ...(config.data ?? {}) };
  for (const v of container.env as EnvVar[]) {
    const fieldPath = v.valueFrom?.fieldRef?.fieldPath;
    if (fieldPath !== undefined) {
      env[v.name] = fieldPath === "metadata.labels['batch.kubernetes.io/job-name']" ? JOB_RUN : POD[fieldPath]!;
      expect(env[v.name], fieldPath).toBeDefined();
    } else if (v.value !== undefined) {
      env[v.name] = v.value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (whole, name: string) => env[name] ?? whole);
    }
  }
  return env;
}

function withPort(env: Record<string, string>, port: number): Record<string, string> {
  // The manifest's port is the agent's 4317; the test receiver takes a free one.
  return { ...env, OTEL_EXPORTER_OTLP_ENDPOINT: env.OTEL_EXPORTER_OTLP_ENDPOINT!.replace(/:\d+$/, `:${port}`) };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A collector that accepts connections and never answers: the slow case. */
async function blackHole(): Promise<{ server: Server; port: number; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port, sockets };
}

async function timedRun(dll: string, cwd: string, env: Record<string, string>): Promise<{ exitCode: number; ms: number; stdout: string }> {
  const started = performance.now();
  const run = await startApp(dll, [JOB], cwd, env);
  return { exitCode: run.exitCode ?? -1, ms: performance.now() - started, stdout: String(run.stdout) };
}

function point(points: readonly ReceivedDataPoint[], metric: string, outcome: string): ReceivedDataPoint | undefined {
  return points.find((p) => p.metric === metric && p.attributes['job.outcome'] === outcome && p.attributes['job.name'] === JOB);
}

describe('telemetry of a generated job against a real OTLP/gRPC receiver', () => {
  const receiver = new OtlpReceiver();
  let dir: string;
  let dll: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    const cwd = tempDir('cbj-e2e-otel-');
    const created = await runCreateBin(['repo', '--yes', '--no-install', '--name', JOB, '--namespace', NAMESPACE, '--image-tag', IMAGE_TAG], { cwd });
    expect(created.exitCode, created.stderr).toBe(0);
    dir = join(cwd, 'repo');
    // One publish for every run below, as the Dockerfile's publish step builds the image.
    const published = await dotnet(['publish', `src/${APP}`, '-c', 'Release', '-o', 'publish', '-warnaserror'], dir);
    expect(published.exitCode, published.all).toBe(0);
    dll = join(dir, 'publish', `${APP}.dll`);
    env = manifestEnv(dir);
    await receiver.start();
  });

  afterAll(async () => {
    await receiver.stop();
  });

  it('the manifest wires the node-local agent over gRPC', () => {
    expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe(`http://127.0.0.1:${policy.telemetry.otlpPort}`);
    expect(env.OTEL_EXPORTER_OTLP_PROTOCOL).toBe('grpc');
    expect(env.OTEL_SERVICE_NAME).toBe(JOB);
  });

  it.each([
    ['successful', {}, policy.exitCodes.success, 'success', 1],
    // The sample job cannot create its report under a file: an unexpected failure, retried by Kubernetes.
    ['failing', { NightlyReportJob__OutputDirectory: '/dev/null/reports' }, policy.exitCodes.failure, 'failure', 2],
  ] as const)('a %s run exports its span, both metrics and correlated logs', async (_label, extra, exitCode, outcome, status) => {
    receiver.clear();
    const run = await timedRun(dll, dir, { ...withPort(env, receiver.port), ...extra });
    expect(run.exitCode, run.stdout).toBe(exitCode);
    // The console logs stay one JSON object per line.
    expect(jsonLines(run.stdout).length).toBeGreaterThan(0);

    const spans = receiver.spans.filter((s) => s.name === JOB);
    expect(spans, JSON.stringify(receiver.spans)).toHaveLength(1);
    const span = spans[0]!;
    expect(span.attributes['job.outcome']).toBe(outcome);
    expect(span.attributes['process.exit.code']).toBe(exitCode);
    expect(span.statusCode).toBe(status);
    expect(span.resource.attributes).toMatchObject({
      'service.name': JOB,
      'service.version': IMAGE_TAG,
      'k8s.namespace.name': NAMESPACE,
      'k8s.pod.name': POD['metadata.name'],
      'k8s.job.name': JOB_RUN,
      'k8s.cronjob.name': JOB,
    });

    const runs = point(receiver.points, 'job.runs', outcome);
    expect(runs, JSON.stringify(receiver.points)).toMatchObject({ kind: 'sum', value: 1 });
    const duration = point(receiver.points, 'job.run.duration', outcome);
    expect(duration, JSON.stringify(receiver.points)).toMatchObject({ kind: 'histogram', value: 1 });
    expect(duration!.sum).toBeGreaterThan(0);
    expect(duration!.resource.attributes['k8s.pod.name']).toBe(POD['metadata.name']);

    const correlated = receiver.logs.filter((l) => l.traceId === span.traceId);
    expect(correlated.length, JSON.stringify(receiver.logs.slice(0, 5))).toBeGreaterThan(0);
    expect(correlated.some((l) => l.body.includes(`Job ${JOB}`) || l.body.includes('{JobName}'))).toBe(true);
    expect(correlated[0]!.resource.attributes['k8s.cronjob.name']).toBe(JOB);
    if (outcome === 'failure') expect(correlated.some((l) => l.severityText === 'Error')).toBe(true);
  });

  it('OTEL_SDK_DISABLED=true sends nothing', async () => {
    receiver.clear();
    const run = await timedRun(dll, dir, { ...withPort(env, receiver.port), OTEL_SDK_DISABLED: 'true' });
    expect(run.exitCode, run.stdout).toBe(policy.exitCodes.success);
    expect(receiver.spans.length + receiver.points.length + receiver.logs.length).toBe(0);
  });

  it('a closed port or a silent collector keeps the exit code and adds only a bounded delay', async () => {
    const disabled = { ...env, OTEL_SDK_DISABLED: 'true' };
    const failing = { NightlyReportJob__OutputDirectory: '/dev/null/reports' };
    // Warm-up, then the baseline: the same run without any export.
    await timedRun(dll, dir, disabled);
    const baseline = await timedRun(dll, dir, disabled);

    const closed = withPort(env, await freePort());
    const closedOk = await timedRun(dll, dir, closed);
    const closedFail = await timedRun(dll, dir, { ...closed, ...failing });
    expect(closedOk.exitCode, closedOk.stdout).toBe(policy.exitCodes.success);
    expect(closedFail.exitCode, closedFail.stdout).toBe(policy.exitCodes.failure);

    const hole = await blackHole();
    try {
      const silent = await timedRun(dll, dir, withPort(env, hole.port));
      expect(silent.exitCode, silent.stdout).toBe(policy.exitCodes.success);
      const added = { closedPortMs: Math.round(closedOk.ms - baseline.ms), silentCollectorMs: Math.round(silent.ms - baseline.ms), baselineMs: Math.round(baseline.ms) };
      console.log(`telemetry export cost: ${JSON.stringify(added)}`);
      // Never the termination grace period: at most the flush budget, one in-flight export's timeout (the
      // host's shutdown waits for it) and some scheduling noise on a busy CI machine.
      const bound = policy.telemetry.flushSeconds * 1000 + policy.telemetry.exportTimeoutMilliseconds + 3000;
      expect(added.closedPortMs).toBeLessThan(bound);
      expect(added.silentCollectorMs).toBeLessThan(bound);
      expect(bound).toBeLessThan(policy.terminationGracePeriodSeconds * 1000);
    } finally {
      for (const socket of hole.sockets) socket.destroy();
      hole.server.close();
    }
  });
});
