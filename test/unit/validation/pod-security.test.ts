import { describe, expect, it } from 'vitest';
import { validatePodSecurityRestricted } from '../../../src/validation/pod-security/index.js';
import type { KubeObject } from '../../../src/validation/types.js';
import { C0, POD, SC, goodCronJob, goodHeadersConfigMap, goodIngress, goodJob, mutate } from './fixtures.js';

const pairs = (obj: KubeObject) => validatePodSecurityRestricted(obj).map((f) => [f.rule, f.path]);
const PSC = `${POD}.securityContext`;
const INIT = `${POD}.initContainers[0]`;
const EPH = `${POD}.ephemeralContainers[0]`;

/** A second container with only what restricted needs from a container when the pod level is set. */
const minimalContainer = (name: string) => ({
  name,
  image: 'registry.example.com/tool:2.0.1',
  securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
});

describe('validatePodSecurityRestricted', () => {
  it('a good CronJob and Job have no findings', () => {
    expect(validatePodSecurityRestricted(goodCronJob())).toEqual([]);
    expect(validatePodSecurityRestricted(goodJob())).toEqual([]);
  });

  it('objects without a pod template have no findings', () => {
    expect(validatePodSecurityRestricted(goodIngress())).toEqual([]);
    expect(validatePodSecurityRestricted(goodHeadersConfigMap())).toEqual([]);
    expect(validatePodSecurityRestricted({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'x' } })).toEqual([]);
  });

  it('finding shape', () => {
    expect(validatePodSecurityRestricted(mutate(goodCronJob(), `${SC}.privileged`, true))).toEqual([
      {
        source: 'pod-security',
        rule: 'baseline-privileged',
        severity: 'error',
        path: `${SC}.privileged`,
        message: 'container "job" must not set securityContext.privileged=true',
        messageEs: 'el contenedor "job" no debe establecer securityContext.privileged=true',
        object: 'CronJob/nightly-report',
      },
    ]);
  });

  // [name, path, value, expected [rule, path] pairs]
  const cases: [string, string, unknown, [string, string][]][] = [
    // Baseline
    ['pod hostProcess', `${PSC}.windowsOptions.hostProcess`, true, [['baseline-host-process', `${PSC}.windowsOptions.hostProcess`]]],
    ['container hostProcess', `${SC}.windowsOptions.hostProcess`, true, [['baseline-host-process', `${SC}.windowsOptions.hostProcess`]]],
    ['hostNetwork', `${POD}.hostNetwork`, true, [['baseline-host-namespaces', `${POD}.hostNetwork`]]],
    ['hostPID', `${POD}.hostPID`, true, [['baseline-host-namespaces', `${POD}.hostPID`]]],
    ['hostIPC', `${POD}.hostIPC`, true, [['baseline-host-namespaces', `${POD}.hostIPC`]]],
    ['hostNetwork false is fine', `${POD}.hostNetwork`, false, []],
    ['privileged', `${SC}.privileged`, true, [['baseline-privileged', `${SC}.privileged`]]],
    ['privileged false is fine', `${SC}.privileged`, false, []],
    ['add SYS_ADMIN', `${SC}.capabilities.add`, ['SYS_ADMIN'], [['baseline-capabilities', `${SC}.capabilities.add[0]`]]],
    ['add NET_RAW', `${SC}.capabilities.add`, ['NET_BIND_SERVICE', 'NET_RAW'], [['baseline-capabilities', `${SC}.capabilities.add[1]`]]],
    ['hostPath volume', `${POD}.volumes[1]`, { name: 'host', hostPath: { path: '/var/run' } }, [['baseline-host-path-volumes', `${POD}.volumes[1].hostPath`]]],
    ['hostPort', `${C0}.ports`, [{ containerPort: 8080, hostPort: 8080 }], [['baseline-host-ports', `${C0}.ports[0].hostPort`]]],
    ['hostPort 0 is fine', `${C0}.ports`, [{ containerPort: 8080, hostPort: 0 }], []],
    ['pod AppArmor Unconfined', `${PSC}.appArmorProfile`, { type: 'Unconfined' }, [['baseline-apparmor', `${PSC}.appArmorProfile.type`]]],
    ['container AppArmor Unconfined', `${SC}.appArmorProfile`, { type: 'Unconfined' }, [['baseline-apparmor', `${SC}.appArmorProfile.type`]]],
    ['AppArmor Localhost is fine', `${SC}.appArmorProfile`, { type: 'Localhost', localhostProfile: 'k8s-job' }, []],
    [
      'AppArmor annotation unconfined',
      'spec.jobTemplate.spec.template.metadata.annotations',
      { 'container.apparmor.security.beta.kubernetes.io/job': 'unconfined' },
      [['baseline-apparmor', 'spec.jobTemplate.spec.template.metadata.annotations[container.apparmor.security.beta.kubernetes.io/job]']],
    ],
    ['AppArmor annotation localhost/ is fine', 'spec.jobTemplate.spec.template.metadata.annotations', { 'container.apparmor.security.beta.kubernetes.io/job': 'localhost/p' }, []],
    ['SELinux type spc_t', `${PSC}.seLinuxOptions`, { type: 'spc_t' }, [['baseline-selinux', `${PSC}.seLinuxOptions.type`]]],
    ['SELinux container_engine_t is fine', `${SC}.seLinuxOptions`, { type: 'container_engine_t', level: 's0:c1,c2' }, []],
    ['SELinux user', `${SC}.seLinuxOptions`, { user: 'system_u' }, [['baseline-selinux', `${SC}.seLinuxOptions.user`]]],
    ['SELinux role', `${SC}.seLinuxOptions`, { role: 'sysadm_r' }, [['baseline-selinux', `${SC}.seLinuxOptions.role`]]],
    ['procMount Unmasked', `${SC}.procMount`, 'Unmasked', [['baseline-proc-mount', `${SC}.procMount`]]],
    ['procMount Default is fine', `${SC}.procMount`, 'Default', []],
    ['pod seccomp Unconfined', `${PSC}.seccompProfile.type`, 'Unconfined', [['baseline-seccomp-profile', `${PSC}.seccompProfile.type`]]],
    ['container seccomp Unconfined', `${SC}.seccompProfile.type`, 'Unconfined', [['baseline-seccomp-profile', `${SC}.seccompProfile.type`]]],
    ['unsafe sysctl', `${PSC}.sysctls`, [{ name: 'kernel.msgmax', value: '65536' }], [['baseline-sysctls', `${PSC}.sysctls[0].name`]]],
    ['safe sysctls are fine', `${PSC}.sysctls`, [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }, { name: 'net.ipv4.tcp_keepalive_time', value: '60' }], []],
    ['liveness probe host', `${C0}.livenessProbe`, { httpGet: { host: '10.0.0.1', port: 80 } }, [['baseline-probe-host', `${C0}.livenessProbe.httpGet.host`]]],
    ['preStop tcpSocket host', `${C0}.lifecycle`, { preStop: { tcpSocket: { host: 'x', port: 1 } } }, [['baseline-probe-host', `${C0}.lifecycle.preStop.tcpSocket.host`]]],
    // Restricted
    ['nfs volume', `${POD}.volumes[1]`, { name: 'data', nfs: { server: 'nfs', path: '/' } }, [['restricted-volume-types', `${POD}.volumes[1].nfs`]]],
    ['gitRepo volume', `${POD}.volumes[1]`, { name: 'src', gitRepo: { repository: 'x' } }, [['restricted-volume-types', `${POD}.volumes[1].gitRepo`]]],
    ['allowed volume types are fine', `${POD}.volumes`, [
      { name: 'a', configMap: { name: 'c' } },
      { name: 'b', secret: { secretName: 's' } },
      { name: 'c', projected: { sources: [] } },
      { name: 'd', persistentVolumeClaim: { claimName: 'p' } },
      { name: 'e', downwardAPI: { items: [] } },
      { name: 'f', csi: { driver: 'x' } },
      { name: 'g', ephemeral: { volumeClaimTemplate: { spec: {} } } },
      { name: 'h', image: { reference: 'registry.example.com/data:1' } },
      { name: 'tmp', emptyDir: {} },
    ], []],
    ['allowPrivilegeEscalation true', `${SC}.allowPrivilegeEscalation`, true, [['restricted-allow-privilege-escalation', `${SC}.allowPrivilegeEscalation`]]],
    ['allowPrivilegeEscalation unset', `${SC}.allowPrivilegeEscalation`, undefined, [['restricted-allow-privilege-escalation', `${SC}.allowPrivilegeEscalation`]]],
    ['container runAsNonRoot false', `${SC}.runAsNonRoot`, false, [['restricted-run-as-non-root', `${SC}.runAsNonRoot`]]],
    ['pod runAsNonRoot false', `${PSC}.runAsNonRoot`, false, [['restricted-run-as-non-root', `${PSC}.runAsNonRoot`]]],
    ['pod runAsNonRoot unset, container true is fine', `${PSC}.runAsNonRoot`, undefined, []],
    ['pod runAsUser 0', `${PSC}.runAsUser`, 0, [['restricted-run-as-user', `${PSC}.runAsUser`]]],
    ['container runAsUser 0', `${SC}.runAsUser`, 0, [['restricted-run-as-user', `${SC}.runAsUser`]]],
    ['container seccomp unset, pod set is fine', `${SC}.seccompProfile`, undefined, []],
    ['pod seccomp unset, container set is fine', `${PSC}.seccompProfile`, undefined, []],
    ['container seccomp Localhost is fine', `${SC}.seccompProfile`, { type: 'Localhost', localhostProfile: 'p.json' }, []],
    ['drop not ALL', `${SC}.capabilities.drop`, ['NET_RAW'], [['restricted-capabilities', `${SC}.capabilities.drop`]]],
    ['no capabilities', `${SC}.capabilities`, undefined, [['restricted-capabilities', `${SC}.capabilities.drop`]]],
    ['add CHOWN (baseline-ok, restricted-not)', `${SC}.capabilities.add`, ['CHOWN'], [['restricted-capabilities', `${SC}.capabilities.add[0]`]]],
    ['add NET_BIND_SERVICE is fine', `${SC}.capabilities.add`, ['NET_BIND_SERVICE'], []],
  ];

  it.each(cases)('%s', (_name, path, value, expected) => {
    expect(pairs(mutate(goodCronJob(), path, value))).toEqual(expected);
  });

  it('runAsNonRoot: neither pod nor container sets it', () => {
    let obj = mutate(goodCronJob(), `${PSC}.runAsNonRoot`, undefined);
    obj = mutate(obj, `${SC}.runAsNonRoot`, undefined);
    expect(pairs(obj)).toEqual([['restricted-run-as-non-root', `${SC}.runAsNonRoot`]]);
  });

  it('seccomp: neither pod nor container sets it', () => {
    let obj = mutate(goodCronJob(), `${PSC}.seccompProfile`, undefined);
    obj = mutate(obj, `${SC}.seccompProfile`, undefined);
    expect(pairs(obj)).toEqual([['restricted-seccomp-profile', `${SC}.seccompProfile.type`]]);
  });

  it('checks init and ephemeral containers too', () => {
    let obj = mutate(goodCronJob(), `${POD}.initContainers`, [{ name: 'migrate', image: 'registry.example.com/migrate:1.0.0' }]);
    obj = mutate(obj, `${POD}.ephemeralContainers`, [{ name: 'debug', image: 'busybox:1.36', securityContext: { privileged: true } }]);
    expect(pairs(obj)).toEqual([
      ['baseline-privileged', `${EPH}.securityContext.privileged`],
      ['restricted-capabilities', `${INIT}.securityContext.capabilities.drop`],
      ['restricted-capabilities', `${EPH}.securityContext.capabilities.drop`],
      ['restricted-allow-privilege-escalation', `${INIT}.securityContext.allowPrivilegeEscalation`],
      ['restricted-allow-privilege-escalation', `${EPH}.securityContext.allowPrivilegeEscalation`],
    ]);
  });

  it('a container relying on the pod-level runAsNonRoot and seccomp passes', () => {
    const obj = mutate(goodCronJob(), `${POD}.containers[1]`, minimalContainer('sidecar'));
    expect(pairs(obj)).toEqual([]);
  });

  it('the same checks apply to a Job, a Pod and a Deployment', () => {
    expect(pairs(mutate(goodJob(), 'spec.template.spec.hostPID', true))).toEqual([['baseline-host-namespaces', 'spec.template.spec.hostPID']]);
    const podSpec = (goodJob() as { spec: { template: { spec: unknown } } }).spec.template.spec;
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: podSpec };
    expect(pairs(mutate(pod, 'spec.containers[0].securityContext.runAsUser', 0))).toEqual([['restricted-run-as-user', 'spec.containers[0].securityContext.runAsUser']]);
    const deployment: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { spec: podSpec } } };
    expect(pairs(mutate(deployment, 'spec.template.spec.hostIPC', true))).toEqual([['baseline-host-namespaces', 'spec.template.spec.hostIPC']]);
  });

  it('Windows pods are exempt from the Linux-only restricted checks', () => {
    let obj = mutate(goodCronJob(), `${POD}.os`, { name: 'windows' });
    obj = mutate(obj, `${SC}.allowPrivilegeEscalation`, undefined);
    obj = mutate(obj, `${SC}.capabilities`, undefined);
    obj = mutate(obj, `${SC}.seccompProfile`, undefined);
    obj = mutate(obj, `${PSC}.seccompProfile`, undefined);
    expect(pairs(obj)).toEqual([]);
  });

  it('hostUsers: false relaxes runAsNonRoot and runAsUser but not procMount', () => {
    let obj = mutate(goodCronJob(), `${POD}.hostUsers`, false);
    obj = mutate(obj, `${PSC}.runAsNonRoot`, false);
    obj = mutate(obj, `${SC}.runAsNonRoot`, undefined);
    obj = mutate(obj, `${SC}.runAsUser`, 0);
    obj = mutate(obj, `${SC}.procMount`, 'Unmasked');
    expect(pairs(obj)).toEqual([['baseline-proc-mount', `${SC}.procMount`]]);
  });

  it('a default (empty) pod fails every restricted requirement that has no default', () => {
    const bare: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare' }, spec: { containers: [{ name: 'app', image: 'nginx' }] } };
    expect(pairs(bare).map(([rule]) => rule).sort()).toEqual([
      'restricted-allow-privilege-escalation',
      'restricted-capabilities',
      'restricted-run-as-non-root',
      'restricted-seccomp-profile',
    ]);
  });
});
