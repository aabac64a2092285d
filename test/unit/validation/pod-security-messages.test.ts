/**
 * The exact findings (English and Spanish text, path) of the Pod Security "restricted" checks, for pods that break
 * every check at once in each kind of container, and the edges of each condition (pod-security-admission's
 * policy package: check_*.go). Snapshots were reviewed check by check.
 */
import { describe, expect, it } from 'vitest';
import { validatePodSecurityRestricted } from '../../../src/validation/pod-security/index.js';
import type { KubeObject } from '../../../src/validation/types.js';

const pod = (spec: Record<string, unknown>, annotations?: Record<string, unknown>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', ...(annotations ? { annotations } : {}) },
  spec,
});
const brief = (obj: KubeObject) => validatePodSecurityRestricted(obj).map((f) => `${f.rule} @ ${f.path}\n  en: ${f.message}\n  es: ${f.messageEs}`);
const rules = (obj: KubeObject) => validatePodSecurityRestricted(obj).map((f) => `${f.rule} @ ${f.path}`);

/** A container that passes every restricted check. */
const good = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  image: 'app:1',
  securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' }, ...extra },
});

describe('pod security findings, in full', () => {
  it('a pod breaking every check, with a container, an init container and an ephemeral container', () => {
    const bad = {
      privileged: true,
      windowsOptions: { hostProcess: true },
      capabilities: { add: ['CHOWN', 'SYS_ADMIN', 'NET_BIND_SERVICE'] },
      appArmorProfile: { type: 'Unconfined' },
      seLinuxOptions: { type: 'spc_t', user: 'root', role: 'sysadm_r' },
      procMount: 'Unmasked',
      seccompProfile: { type: 'Unconfined' },
      runAsNonRoot: false,
      runAsUser: 0,
    };
    const obj = pod(
      {
        hostNetwork: true,
        hostPID: true,
        hostIPC: true,
        securityContext: {
          windowsOptions: { hostProcess: true },
          appArmorProfile: { type: 'Unconfined' },
          seLinuxOptions: { type: 'container_t', user: '', role: null },
          seccompProfile: { type: 'Localhos' },
          sysctls: [{ name: 'net.ipv4.tcp_syncookies' }, { name: 'kernel.msgmax' }, {}],
          runAsNonRoot: false,
          runAsUser: 0,
        },
        volumes: [{ name: 'host', hostPath: { path: '/' } }, { name: 'nfs', nfs: { server: 's', path: '/' } }, { name: 'none' }, { name: 'ok', emptyDir: {} }],
        initContainers: [{ name: 'init', image: 'x:1', securityContext: bad, ports: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 81, hostPort: 0 }] }],
        containers: [
          {
            name: 'main',
            image: 'x:1',
            livenessProbe: { httpGet: { host: 'example.com', port: 80 } },
            readinessProbe: { tcpSocket: { host: '', port: 80 } },
            startupProbe: { tcpSocket: { host: '10.0.0.1', port: 80 } },
            lifecycle: { postStart: { httpGet: { host: 'a', port: 1 } }, preStop: { tcpSocket: { host: 'b', port: 1 } } },
          },
        ],
        ephemeralContainers: [{ name: 'debug', image: 'x:1', securityContext: { privileged: true } }],
      },
      {
        'container.apparmor.security.beta.kubernetes.io/main': 'unconfined',
        'container.apparmor.security.beta.kubernetes.io/init': 'localhost/custom',
        'container.apparmor.security.beta.kubernetes.io/debug': 'runtime/default',
        'container.apparmor.security.beta.kubernetes.io/x': '',
        'container.apparmor.security.beta.kubernetes.io/y': 3,
        'example.com/apparmor': 'unconfined',
      },
    );
    const findings = validatePodSecurityRestricted(obj);
    expect(new Set(findings.map((f) => `${f.source} ${f.severity} ${f.object}`))).toEqual(new Set(['pod-security error Pod/p']));
    expect(brief(obj)).toMatchInlineSnapshot(`
      [
        "baseline-host-process @ spec.securityContext.windowsOptions.hostProcess
        en: pod must not set securityContext.windowsOptions.hostProcess=true
        es: el pod no debe establecer securityContext.windowsOptions.hostProcess=true",
        "baseline-host-process @ spec.initContainers[0].securityContext.windowsOptions.hostProcess
        en: init container "init" must not set securityContext.windowsOptions.hostProcess=true
        es: el contenedor de inicio "init" no debe establecer securityContext.windowsOptions.hostProcess=true",
        "baseline-host-namespaces @ spec.hostNetwork
        en: pod must not set hostNetwork=true
        es: el pod no debe establecer hostNetwork=true",
        "baseline-host-namespaces @ spec.hostPID
        en: pod must not set hostPID=true
        es: el pod no debe establecer hostPID=true",
        "baseline-host-namespaces @ spec.hostIPC
        en: pod must not set hostIPC=true
        es: el pod no debe establecer hostIPC=true",
        "baseline-privileged @ spec.initContainers[0].securityContext.privileged
        en: init container "init" must not set securityContext.privileged=true
        es: el contenedor de inicio "init" no debe establecer securityContext.privileged=true",
        "baseline-privileged @ spec.ephemeralContainers[0].securityContext.privileged
        en: ephemeral container "debug" must not set securityContext.privileged=true
        es: el contenedor efímero "debug" no debe establecer securityContext.privileged=true",
        "restricted-capabilities @ spec.initContainers[0].securityContext.capabilities.drop
        en: init container "init" must set securityContext.capabilities.drop=["ALL"]
        es: el contenedor de inicio "init" debe establecer securityContext.capabilities.drop=["ALL"]",
        "restricted-capabilities @ spec.initContainers[0].securityContext.capabilities.add[0]
        en: init container "init" must not add capability "CHOWN" (only NET_BIND_SERVICE)
        es: el contenedor de inicio "init" no debe añadir la capacidad "CHOWN" (solo NET_BIND_SERVICE)",
        "baseline-capabilities @ spec.initContainers[0].securityContext.capabilities.add[1]
        en: init container "init" must not add capability "SYS_ADMIN"
        es: el contenedor de inicio "init" no debe añadir la capacidad "SYS_ADMIN"",
        "restricted-capabilities @ spec.containers[0].securityContext.capabilities.drop
        en: container "main" must set securityContext.capabilities.drop=["ALL"]
        es: el contenedor "main" debe establecer securityContext.capabilities.drop=["ALL"]",
        "restricted-capabilities @ spec.ephemeralContainers[0].securityContext.capabilities.drop
        en: ephemeral container "debug" must set securityContext.capabilities.drop=["ALL"]
        es: el contenedor efímero "debug" debe establecer securityContext.capabilities.drop=["ALL"]",
        "baseline-host-path-volumes @ spec.volumes[0].hostPath
        en: volume "host" must not use hostPath
        es: el volumen "host" no debe usar hostPath",
        "restricted-volume-types @ spec.volumes[1].nfs
        en: volume "nfs" uses type nfs; allowed: configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret
        es: el volumen "nfs" usa el tipo nfs; permitidos: configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret",
        "restricted-volume-types @ spec.volumes[2]
        en: volume "none" uses no volume source; allowed: configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret
        es: el volumen "none" usa ningún origen de volumen; permitidos: configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret",
        "baseline-host-ports @ spec.initContainers[0].ports[0].hostPort
        en: init container "init" must not set hostPort (8080)
        es: el contenedor de inicio "init" no debe establecer hostPort (8080)",
        "baseline-apparmor @ spec.securityContext.appArmorProfile.type
        en: pod must not set securityContext.appArmorProfile.type to "Unconfined" (RuntimeDefault or Localhost)
        es: el pod no debe establecer securityContext.appArmorProfile.type a "Unconfined" (RuntimeDefault o Localhost)",
        "baseline-apparmor @ spec.initContainers[0].securityContext.appArmorProfile.type
        en: init container "init" must not set securityContext.appArmorProfile.type to "Unconfined" (RuntimeDefault or Localhost)
        es: el contenedor de inicio "init" no debe establecer securityContext.appArmorProfile.type a "Unconfined" (RuntimeDefault o Localhost)",
        "baseline-apparmor @ metadata.annotations[container.apparmor.security.beta.kubernetes.io/main]
        en: AppArmor annotation container.apparmor.security.beta.kubernetes.io/main="unconfined" is forbidden (runtime/default or localhost/*)
        es: la anotación de AppArmor container.apparmor.security.beta.kubernetes.io/main="unconfined" está prohibida (runtime/default o localhost/*)",
        "baseline-selinux @ spec.initContainers[0].securityContext.seLinuxOptions.type
        en: init container "init" must not set seLinuxOptions.type to "spc_t"
        es: el contenedor de inicio "init" no debe establecer seLinuxOptions.type a "spc_t"",
        "baseline-selinux @ spec.initContainers[0].securityContext.seLinuxOptions.user
        en: init container "init" must not set seLinuxOptions.user
        es: el contenedor de inicio "init" no debe establecer seLinuxOptions.user",
        "baseline-selinux @ spec.initContainers[0].securityContext.seLinuxOptions.role
        en: init container "init" must not set seLinuxOptions.role
        es: el contenedor de inicio "init" no debe establecer seLinuxOptions.role",
        "baseline-proc-mount @ spec.initContainers[0].securityContext.procMount
        en: init container "init" must not set securityContext.procMount to "Unmasked"
        es: el contenedor de inicio "init" no debe establecer securityContext.procMount a "Unmasked"",
        "restricted-seccomp-profile @ spec.securityContext.seccompProfile.type
        en: pod must not set securityContext.seccompProfile.type to "Localhos" (RuntimeDefault or Localhost)
        es: el pod no debe establecer securityContext.seccompProfile.type a "Localhos" (RuntimeDefault o Localhost)",
        "baseline-seccomp-profile @ spec.initContainers[0].securityContext.seccompProfile.type
        en: init container "init" must not set securityContext.seccompProfile.type to "Unconfined" (RuntimeDefault or Localhost)
        es: el contenedor de inicio "init" no debe establecer securityContext.seccompProfile.type a "Unconfined" (RuntimeDefault o Localhost)",
        "restricted-seccomp-profile @ spec.containers[0].securityContext.seccompProfile.type
        en: pod or container "main" must set securityContext.seccompProfile.type to RuntimeDefault or Localhost
        es: el pod o el contenedor "main" debe establecer securityContext.seccompProfile.type a RuntimeDefault o Localhost",
        "restricted-seccomp-profile @ spec.ephemeralContainers[0].securityContext.seccompProfile.type
        en: pod or ephemeral container "debug" must set securityContext.seccompProfile.type to RuntimeDefault or Localhost
        es: el pod o el contenedor efímero "debug" debe establecer securityContext.seccompProfile.type a RuntimeDefault o Localhost",
        "baseline-sysctls @ spec.securityContext.sysctls[1].name
        en: sysctl "kernel.msgmax" is not in the safe set
        es: el sysctl "kernel.msgmax" no está en el conjunto seguro",
        "baseline-sysctls @ spec.securityContext.sysctls[2].name
        en: sysctl undefined is not in the safe set
        es: el sysctl undefined no está en el conjunto seguro",
        "baseline-probe-host @ spec.containers[0].livenessProbe.httpGet.host
        en: container "main" must not set livenessProbe.httpGet.host (example.com)
        es: el contenedor "main" no debe establecer livenessProbe.httpGet.host (example.com)",
        "baseline-probe-host @ spec.containers[0].startupProbe.tcpSocket.host
        en: container "main" must not set startupProbe.tcpSocket.host (10.0.0.1)
        es: el contenedor "main" no debe establecer startupProbe.tcpSocket.host (10.0.0.1)",
        "baseline-probe-host @ spec.containers[0].lifecycle.postStart.httpGet.host
        en: container "main" must not set lifecycle.postStart.httpGet.host (a)
        es: el contenedor "main" no debe establecer lifecycle.postStart.httpGet.host (a)",
        "baseline-probe-host @ spec.containers[0].lifecycle.preStop.tcpSocket.host
        en: container "main" must not set lifecycle.preStop.tcpSocket.host (b)
        es: el contenedor "main" no debe establecer lifecycle.preStop.tcpSocket.host (b)",
        "restricted-allow-privilege-escalation @ spec.initContainers[0].securityContext.allowPrivilegeEscalation
        en: init container "init" must set securityContext.allowPrivilegeEscalation=false
        es: el contenedor de inicio "init" debe establecer securityContext.allowPrivilegeEscalation=false",
        "restricted-allow-privilege-escalation @ spec.containers[0].securityContext.allowPrivilegeEscalation
        en: container "main" must set securityContext.allowPrivilegeEscalation=false
        es: el contenedor "main" debe establecer securityContext.allowPrivilegeEscalation=false",
        "restricted-allow-privilege-escalation @ spec.ephemeralContainers[0].securityContext.allowPrivilegeEscalation
        en: ephemeral container "debug" must set securityContext.allowPrivilegeEscalation=false
        es: el contenedor efímero "debug" debe establecer securityContext.allowPrivilegeEscalation=false",
        "restricted-run-as-non-root @ spec.securityContext.runAsNonRoot
        en: pod must not set securityContext.runAsNonRoot=false
        es: el pod no debe establecer securityContext.runAsNonRoot=false",
        "restricted-run-as-non-root @ spec.initContainers[0].securityContext.runAsNonRoot
        en: init container "init" must not set securityContext.runAsNonRoot=false
        es: el contenedor de inicio "init" no debe establecer securityContext.runAsNonRoot=false",
        "restricted-run-as-non-root @ spec.containers[0].securityContext.runAsNonRoot
        en: pod or container "main" must set securityContext.runAsNonRoot=true
        es: el pod o el contenedor "main" debe establecer securityContext.runAsNonRoot=true",
        "restricted-run-as-non-root @ spec.ephemeralContainers[0].securityContext.runAsNonRoot
        en: pod or ephemeral container "debug" must set securityContext.runAsNonRoot=true
        es: el pod o el contenedor efímero "debug" debe establecer securityContext.runAsNonRoot=true",
        "restricted-run-as-user @ spec.securityContext.runAsUser
        en: pod must not set runAsUser=0
        es: el pod no debe establecer runAsUser=0",
        "restricted-run-as-user @ spec.initContainers[0].securityContext.runAsUser
        en: init container "init" must not set runAsUser=0
        es: el contenedor de inicio "init" no debe establecer runAsUser=0",
      ]
    `);
  });

  it('a pod without any security settings', () => {
    expect(brief(pod({ containers: [{ name: 'c', image: 'x:1' }] }))).toMatchInlineSnapshot(`
      [
        "restricted-capabilities @ spec.containers[0].securityContext.capabilities.drop
        en: container "c" must set securityContext.capabilities.drop=["ALL"]
        es: el contenedor "c" debe establecer securityContext.capabilities.drop=["ALL"]",
        "restricted-seccomp-profile @ spec.containers[0].securityContext.seccompProfile.type
        en: pod or container "c" must set securityContext.seccompProfile.type to RuntimeDefault or Localhost
        es: el pod o el contenedor "c" debe establecer securityContext.seccompProfile.type a RuntimeDefault o Localhost",
        "restricted-allow-privilege-escalation @ spec.containers[0].securityContext.allowPrivilegeEscalation
        en: container "c" must set securityContext.allowPrivilegeEscalation=false
        es: el contenedor "c" debe establecer securityContext.allowPrivilegeEscalation=false",
        "restricted-run-as-non-root @ spec.containers[0].securityContext.runAsNonRoot
        en: pod or container "c" must set securityContext.runAsNonRoot=true
        es: el pod o el contenedor "c" debe establecer securityContext.runAsNonRoot=true",
      ]
    `);
  });
});

describe('pod security boundaries', () => {
  it('a good pod has no findings', () => {
    expect(rules(pod({ containers: [good('c')] }))).toEqual([]);
  });

  it('pod-level runAsNonRoot and seccomp cover the containers', () => {
    const c = { name: 'c', image: 'x:1', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } };
    expect(rules(pod({ securityContext: { runAsNonRoot: true, seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } }, containers: [c] }))).toEqual([]);
    expect(rules(pod({ securityContext: { runAsNonRoot: true, seccompProfile: { type: 'Unconfined' } }, containers: [c] }))).toEqual([
      'baseline-seccomp-profile @ spec.securityContext.seccompProfile.type',
      'restricted-seccomp-profile @ spec.containers[0].securityContext.seccompProfile.type',
    ]);
  });

  it('a container runAsNonRoot=false overrides the pod’s true', () => {
    expect(rules(pod({ securityContext: { runAsNonRoot: true }, containers: [good('c', { runAsNonRoot: false })] }))).toEqual([
      'restricted-run-as-non-root @ spec.containers[0].securityContext.runAsNonRoot',
    ]);
  });

  it('runAsUser: only 0 is root', () => {
    expect(rules(pod({ securityContext: { runAsUser: 1 }, containers: [good('c', { runAsUser: 1000 })] }))).toEqual([]);
    expect(rules(pod({ securityContext: { runAsUser: '0' }, containers: [good('c')] }))).toEqual([]);
  });

  it('user namespaces (hostUsers: false) relax runAsNonRoot and runAsUser only', () => {
    const c = good('c', { runAsNonRoot: false, runAsUser: 0, procMount: 'Unmasked' });
    expect(rules(pod({ hostUsers: false, containers: [c] }))).toEqual(['baseline-proc-mount @ spec.containers[0].securityContext.procMount']);
    expect(rules(pod({ hostUsers: true, containers: [c] }))).toEqual([
      'baseline-proc-mount @ spec.containers[0].securityContext.procMount',
      'restricted-run-as-non-root @ spec.containers[0].securityContext.runAsNonRoot',
      'restricted-run-as-user @ spec.containers[0].securityContext.runAsUser',
    ]);
  });

  it('Windows pods skip the Linux-only checks (allowPrivilegeEscalation, seccomp, capabilities)', () => {
    const c = { name: 'c', image: 'x:1', securityContext: { runAsNonRoot: true } };
    expect(rules(pod({ os: { name: 'windows' }, containers: [c] }))).toEqual([]);
    expect(rules(pod({ os: { name: 'linux' }, containers: [c] }))).toEqual([
      'restricted-capabilities @ spec.containers[0].securityContext.capabilities.drop',
      'restricted-seccomp-profile @ spec.containers[0].securityContext.seccompProfile.type',
      'restricted-allow-privilege-escalation @ spec.containers[0].securityContext.allowPrivilegeEscalation',
    ]);
  });

  it.each([
    ['Default', []],
    [null, []],
    ['Unmasked', ['baseline-proc-mount @ spec.containers[0].securityContext.procMount']],
  ] as const)('procMount %j', (value, want) => {
    expect(rules(pod({ containers: [good('c', { procMount: value })] }))).toEqual(want);
  });

  it.each([
    [{ type: 'RuntimeDefault' }, []],
    [{ type: 'Localhost', localhostProfile: 'p' }, []],
    [{}, ['baseline-apparmor @ spec.containers[0].securityContext.appArmorProfile.type']],
    [null, []],
  ] as const)('appArmorProfile %j', (value, want) => {
    expect(rules(pod({ containers: [good('c', { appArmorProfile: value })] }))).toEqual(want);
  });

  it.each([
    [{ type: '' }, []],
    [{ type: 'container_init_t' }, []],
    [{ type: null, user: null, role: '' }, []],
    [{ level: 's0:c123,c456' }, []],
    [{ user: 'u' }, ['baseline-selinux @ spec.containers[0].securityContext.seLinuxOptions.user']],
    [{ role: 'r' }, ['baseline-selinux @ spec.containers[0].securityContext.seLinuxOptions.role']],
  ] as const)('seLinuxOptions %j', (value, want) => {
    expect(rules(pod({ containers: [good('c', { seLinuxOptions: value })] }))).toEqual(want);
  });

  it('capabilities: drop must contain ALL, NET_BIND_SERVICE may be added', () => {
    expect(rules(pod({ containers: [good('c', { capabilities: { drop: ['all'] } })] }))).toEqual(['restricted-capabilities @ spec.containers[0].securityContext.capabilities.drop']);
    expect(rules(pod({ containers: [good('c', { capabilities: { drop: ['NET_RAW', 'ALL'], add: ['NET_BIND_SERVICE'] } })] }))).toEqual([]);
  });

  it('volumes: a null source does not count, hostPath is reported once', () => {
    expect(rules(pod({ containers: [good('c')], volumes: [{ name: 'v', hostPath: null, emptyDir: {} }] }))).toEqual([]);
    expect(rules(pod({ containers: [good('c')], volumes: [{ name: 'v', hostPath: null }] }))).toEqual(['restricted-volume-types @ spec.volumes[0]']);
    expect(rules(pod({ containers: [good('c')], volumes: [{ name: 'v', hostPath: { path: '/' } }, 'odd'] }))).toEqual(['baseline-host-path-volumes @ spec.volumes[0].hostPath']);
    expect(rules(pod({ containers: [good('c')], volumes: [{ name: 'v', image: { reference: 'x:1' } }, { name: 'w', csi: { driver: 'd' } }] }))).toEqual([]);
  });

  it('host namespaces must be exactly true to be reported', () => {
    expect(rules(pod({ containers: [good('c')], hostNetwork: 'true', hostPID: false }))).toEqual([]);
  });

  it('hostPort: 0 and null are unset', () => {
    expect(rules(pod({ containers: [good('c', {})].map((c) => ({ ...c, ports: [{ hostPort: 0 }, { hostPort: null }, {}] })) }))).toEqual([]);
  });

  it('probes: an empty or non-string host is the pod’s own', () => {
    expect(rules(pod({ containers: [{ ...good('c'), livenessProbe: { httpGet: { host: '' } }, readinessProbe: { httpGet: { host: 5 } } }] }))).toEqual([]);
  });

  it('objects without pod templates give nothing', () => {
    expect(validatePodSecurityRestricted({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: {} })).toEqual([]);
  });

  it('CronJob and Job templates are found at their paths', () => {
    const spec = { containers: [{ name: 'c', image: 'x:1', securityContext: { ...good('c').securityContext, privileged: true } }] };
    expect(rules({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template: { spec } } })).toEqual(['baseline-privileged @ spec.template.spec.containers[0].securityContext.privileged']);
    expect(rules({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'j' }, spec: { jobTemplate: { spec: { template: { spec } } } } })).toEqual([
      'baseline-privileged @ spec.jobTemplate.spec.template.spec.containers[0].securityContext.privileged',
    ]);
  });
});
