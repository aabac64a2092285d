import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { policy } from '../../src/policy/index.js';
import type { BatchJobProjectOptions } from '../../src/project/options.js';
import { synthFiles } from '../support/synth.js';

type Env = { name: string; value?: string; valueFrom?: { fieldRef?: { fieldPath: string } } };

function containerEnv(options: Omit<BatchJobProjectOptions, 'outdir'>, file: string): Env[] {
  const obj = parse(synthFiles(options).get(`deploy/k8s/${file}`)!);
  const template = obj.kind === 'CronJob' ? obj.spec.jobTemplate.spec.template : obj.spec.template;
  return template.spec.containers[0].env ?? [];
}

describe('OTLP wiring in the manifests', () => {
  it('points the SDK at the node-local agent with downward-API resource attributes', () => {
    const env = containerEnv({ name: 'x', imageTag: '1.2.3', jobs: [{ name: 'nightly' }] }, 'nightly.cronjob.yaml');
    const byName = new Map(env.map((e) => [e.name, e]));
    expect(byName.get('NODE_IP')!.valueFrom!.fieldRef!.fieldPath).toBe('status.hostIP');
    expect(byName.get('K8S_POD_NAME')!.valueFrom!.fieldRef!.fieldPath).toBe('metadata.name');
    expect(byName.get('K8S_NAMESPACE')!.valueFrom!.fieldRef!.fieldPath).toBe('metadata.namespace');
    expect(byName.get('OTEL_EXPORTER_OTLP_ENDPOINT')!.value).toBe(`http://$(NODE_IP):${policy.telemetry.otlpPort}`);
    expect(byName.get('OTEL_EXPORTER_OTLP_PROTOCOL')!.value).toBe('grpc');
    expect(byName.get('OTEL_SERVICE_NAME')!.value).toBe('nightly');
    const attributes = Object.fromEntries(byName.get('OTEL_RESOURCE_ATTRIBUTES')!.value!.split(',').map((kv) => kv.split('=')));
    expect(attributes).toEqual({
      'service.version': '1.2.3',
      'k8s.namespace.name': '$(K8S_NAMESPACE)',
      'k8s.pod.name': '$(K8S_POD_NAME)',
      'k8s.job.name': '$(K8S_JOB_NAME)',
      'k8s.cronjob.name': 'nightly',
    });
  });

  it('defines every $(VAR) before it is used, as Kubernetes expansion needs', () => {
    const env = containerEnv({ name: 'x', jobs: [{ name: 'once', kind: 'job' }] }, 'once.job.yaml');
    env.forEach((e, i) => {
      for (const [, ref] of (e.value ?? '').matchAll(/\$\(([A-Z_]+)\)/g)) {
        expect(env.slice(0, i).map((d) => d.name), `${e.name} uses ${ref}`).toContain(ref);
      }
    });
    expect(env.find((e) => e.name === 'OTEL_RESOURCE_ATTRIBUTES')!.value).not.toContain('k8s.cronjob.name');
  });

  it('leaves an adopted app\'s environment alone (explicit env would override its ConfigMap)', () => {
    const env = containerEnv({ name: 'x', existingApp: { project: 'src/Tool/Tool.csproj' } }, 'x.cronjob.yaml');
    expect(env.map((e) => e.name)).not.toContain('OTEL_EXPORTER_OTLP_ENDPOINT');
  });

  it('ships the telemetry file and its packages only with the managed job host', () => {
    const files = synthFiles({ name: 'x' });
    expect(files.get('src/X/JobTelemetry.cs')).toContain('OTEL_SDK_DISABLED');
    const props = files.get('Directory.Build.props')!;
    for (const id of ['OpenTelemetry', 'OpenTelemetry.Extensions.Hosting', 'OpenTelemetry.Exporter.OpenTelemetryProtocol']) {
      expect(props).toContain(`Include="${id}" Version="${policy.frameworks[policy.defaultFramework].packages[id]}"`);
    }
    const adopted = synthFiles({ name: 'x', existingApp: { project: 'src/Tool/Tool.csproj' } });
    expect([...adopted.keys()].some((p) => p.endsWith('JobTelemetry.cs'))).toBe(false);
    expect(adopted.get('Directory.Build.props')).not.toContain('OpenTelemetry');
  });

  it('switching telemetry off for a job is a setting: OTEL_SDK_DISABLED reaches it through its ConfigMap', () => {
    const files = synthFiles({ name: 'x', jobs: [{ name: 'quiet', env: { OTEL_SDK_DISABLED: 'true' } }, { name: 'loud' }] });
    expect(parse(files.get('deploy/k8s/quiet.config.yaml')!).data).toMatchObject({ OTEL_SDK_DISABLED: 'true' });
    // Explicit container env would win over the ConfigMap: the manifests must not set it.
    expect(containerEnv({ name: 'x', jobs: [{ name: 'quiet', env: { OTEL_SDK_DISABLED: 'true' } }] }, 'quiet.cronjob.yaml').map((e) => e.name)).not.toContain('OTEL_SDK_DISABLED');
    expect(parse(files.get('deploy/k8s/loud.config.yaml')!).data ?? {}).not.toHaveProperty('OTEL_SDK_DISABLED');
  });
});
