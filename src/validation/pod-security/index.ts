import type { Bilingual } from '../../policy/rules.js';
import { objectRef, type Finding, type KubeObject } from '../types.js';
import { child, index, join, key } from './field-path.js';
import { asArray, asObj, containersOf, podTemplates, type ContainerRef, type Obj, type PodTemplateRef } from './pod-template.js';

export { podTemplates, containersOf } from './pod-template.js';
export type { PodTemplateRef, ContainerRef } from './pod-template.js';

/**
 * Pod Security Standards, "restricted" profile at the newest policy version (Kubernetes 1.35/1.36 `latest`):
 * every Baseline check plus the Restricted ones, re-implemented from `k8s.io/pod-security-admission/policy`.
 *
 * Where Restricted overrides a Baseline check (capabilities, hostPath → volume types, seccomp, procMount) a
 * value is reported once, under the most basic rule it breaks: a `hostPath` volume is `baseline-host-path-volumes`,
 * not also `restricted-volume-types`; `seccompProfile: Unconfined` is `baseline-seccomp-profile`.
 *
 * Rule ids (source `pod-security`, severity `error`):
 * - Baseline: `baseline-host-process`, `baseline-host-namespaces`, `baseline-privileged`, `baseline-capabilities`,
 *   `baseline-host-path-volumes`, `baseline-host-ports`, `baseline-apparmor`, `baseline-selinux`,
 *   `baseline-proc-mount`, `baseline-seccomp-profile`, `baseline-sysctls`, `baseline-probe-host`.
 * - Restricted: `restricted-volume-types`, `restricted-allow-privilege-escalation`, `restricted-run-as-non-root`,
 *   `restricted-run-as-user`, `restricted-seccomp-profile`, `restricted-capabilities`.
 *
 * Objects without a pod template (ConfigMap, Ingress, …) give no findings.
 */
export function validatePodSecurityRestricted(obj: KubeObject): Finding[] {
  const findings: Finding[] = [];
  const ref = objectRef(obj);
  for (const pod of podTemplates(obj)) {
    const report = (rule: string, path: string, message: Bilingual): void => {
      findings.push({ source: 'pod-security', rule, severity: 'error', path, message: message.en, messageEs: message.es, object: ref });
    };
    const ctx: PodContext = { pod, containers: containersOf(pod), report };
    for (const check of CHECKS) check(ctx);
  }
  return findings;
}

interface PodContext {
  readonly pod: PodTemplateRef;
  readonly containers: readonly ContainerRef[];
  report(rule: string, path: string, message: Bilingual): void;
}

type Check = (ctx: PodContext) => void;

// ---- data (kept in step with pod-security-admission's policy package) ----

/** `check_capabilities_baseline.go`: the only capabilities Baseline lets a container add. */
export const BASELINE_CAPABILITIES: readonly string[] = [
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
];

/** `check_sysctls.go` safe set, newest released policy version (1.0 + 1.27 + 1.29 + 1.32 additions). */
export const SAFE_SYSCTLS: readonly string[] = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
];

/** `check_seLinuxOptions.go` (1.31+). */
export const SELINUX_TYPES: readonly string[] = ['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'];

/** `check_restrictedVolumes.go`: the volume sources Restricted allows (`image` since 1.33). */
export const RESTRICTED_VOLUME_TYPES: readonly string[] = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
];

const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const VALID_PROFILE_TYPES = ['RuntimeDefault', 'Localhost'];

// ---- helpers ----

function securityContext(c: ContainerRef): Obj | undefined {
  return asObj(c.container.securityContext);
}

function podSecurityContext(pod: PodTemplateRef): Obj | undefined {
  return asObj(pod.spec.securityContext);
}

function scPath(c: ContainerRef, ...names: string[]): string {
  return join(c.path, 'securityContext', ...names);
}

function podScPath(pod: PodTemplateRef, ...names: string[]): string {
  return join(pod.specPath, 'securityContext', ...names);
}

/** Who a message is about, in both languages. */
type Who = Bilingual;
const POD: Who = { en: 'pod', es: 'el pod' };

function describe(c: ContainerRef): Who {
  const kind = c.list === 'containers' ? ['container', 'el contenedor'] : c.list === 'initContainers' ? ['init container', 'el contenedor de inicio'] : ['ephemeral container', 'el contenedor efímero'];
  return { en: `${kind[0]} "${c.name}"`, es: `${kind[1]} "${c.name}"` };
}

const podOr = (c: ContainerRef): Who => ({ en: `pod or ${describe(c).en}`, es: `el pod o ${describe(c).es}` });
const mustNotSet = (who: Who, what: string): Bilingual => ({ en: `${who.en} must not set ${what}`, es: `${who.es} no debe establecer ${what}` });
/** `… must not set <field> to <value>`, with the values the rule allows in parentheses when given. */
const mustNotSetTo = (who: Who, field: string, value: unknown, allowed = false): Bilingual => ({
  en: `${who.en} must not set ${field} to ${JSON.stringify(value)}${allowed ? ' (RuntimeDefault or Localhost)' : ''}`,
  es: `${who.es} no debe establecer ${field} a ${JSON.stringify(value)}${allowed ? ' (RuntimeDefault o Localhost)' : ''}`,
});
const mustSet = (who: Who, what: string): Bilingual => ({ en: `${who.en} must set ${what}`, es: `${who.es} debe establecer ${what}` });

/** `spec.os.name: windows` exempts a pod from the Linux-only Restricted checks (policy 1.25+). */
function isWindows(pod: PodTemplateRef): boolean {
  return asObj(pod.spec.os)?.name === 'windows';
}

/** `spec.hostUsers: false` (user namespaces) relaxes runAsNonRoot/runAsUser (policy 1.35+). */
function usesUserNamespace(pod: PodTemplateRef): boolean {
  return pod.spec.hostUsers === false;
}

// ---- Baseline ----

const hostProcess: Check = ({ pod, containers, report }) => {
  if (asObj(podSecurityContext(pod)?.windowsOptions)?.hostProcess === true) {
    report('baseline-host-process', podScPath(pod, 'windowsOptions', 'hostProcess'), mustNotSet(POD, 'securityContext.windowsOptions.hostProcess=true'));
  }
  for (const c of containers) {
    if (asObj(securityContext(c)?.windowsOptions)?.hostProcess === true) {
      report('baseline-host-process', scPath(c, 'windowsOptions', 'hostProcess'), mustNotSet(describe(c), 'securityContext.windowsOptions.hostProcess=true'));
    }
  }
};

const hostNamespaces: Check = ({ pod, report }) => {
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (pod.spec[field] === true) report('baseline-host-namespaces', child(pod.specPath, field), mustNotSet(POD, `${field}=true`));
  }
};

const privileged: Check = ({ containers, report }) => {
  for (const c of containers) {
    if (securityContext(c)?.privileged === true) {
      report('baseline-privileged', scPath(c, 'privileged'), mustNotSet(describe(c), 'securityContext.privileged=true'));
    }
  }
};

const hostPathVolumes: Check = ({ pod, report }) => {
  asArray(pod.spec.volumes).forEach((v, i) => {
    const volume = asObj(v);
    if (volume?.hostPath !== undefined && volume.hostPath !== null) {
      report('baseline-host-path-volumes', join(index(child(pod.specPath, 'volumes'), i), 'hostPath'), { en: `volume "${String(volume.name)}" must not use hostPath`, es: `el volumen "${String(volume.name)}" no debe usar hostPath` });
    }
  });
};

const hostPorts: Check = ({ containers, report }) => {
  for (const c of containers) {
    asArray(c.container.ports).forEach((p, i) => {
      const hostPort = asObj(p)?.hostPort;
      if (hostPort !== undefined && hostPort !== null && hostPort !== 0) {
        report('baseline-host-ports', join(index(child(c.path, 'ports'), i), 'hostPort'), mustNotSet(describe(c), `hostPort (${String(hostPort)})`));
      }
    });
  }
};

const appArmor: Check = ({ pod, containers, report }) => {
  const check = (profile: unknown, path: string, who: Who): void => {
    const type = asObj(profile)?.type;
    if (asObj(profile) !== undefined && !VALID_PROFILE_TYPES.includes(String(type))) {
      report('baseline-apparmor', join(path, 'type'), mustNotSetTo(who, 'securityContext.appArmorProfile.type', type, true));
    }
  };
  check(podSecurityContext(pod)?.appArmorProfile, podScPath(pod, 'appArmorProfile'), POD);
  for (const c of containers) check(securityContext(c)?.appArmorProfile, scPath(c, 'appArmorProfile'), describe(c));
  const annotations = asObj(pod.metadata?.annotations) ?? {};
  for (const [k, v] of Object.entries(annotations)) {
    if (!k.startsWith(APPARMOR_ANNOTATION_PREFIX)) continue;
    const value = typeof v === 'string' ? v : '';
    if (value === '' || value === 'runtime/default' || value.startsWith('localhost/')) continue;
    report('baseline-apparmor', key(child(pod.metadataPath, 'annotations'), k), { en: `AppArmor annotation ${k}=${JSON.stringify(v)} is forbidden (runtime/default or localhost/*)`, es: `la anotación de AppArmor ${k}=${JSON.stringify(v)} está prohibida (runtime/default o localhost/*)` });
  }
};

const seLinux: Check = ({ pod, containers, report }) => {
  const check = (options: unknown, path: string, who: Who): void => {
    const o = asObj(options);
    if (o === undefined) return;
    if (o.type !== undefined && o.type !== null && !SELINUX_TYPES.includes(String(o.type))) {
      report('baseline-selinux', child(path, 'type'), mustNotSetTo(who, 'seLinuxOptions.type', o.type));
    }
    for (const field of ['user', 'role']) {
      if (o[field] !== undefined && o[field] !== null && o[field] !== '') {
        report('baseline-selinux', child(path, field), mustNotSet(who, `seLinuxOptions.${field}`));
      }
    }
  };
  check(podSecurityContext(pod)?.seLinuxOptions, podScPath(pod, 'seLinuxOptions'), POD);
  for (const c of containers) check(securityContext(c)?.seLinuxOptions, scPath(c, 'seLinuxOptions'), describe(c));
};

/** Baseline `procMount` is relaxed for user-namespace pods, but Restricted's `procMount_restricted` is not. */
const procMount: Check = ({ containers, report }) => {
  for (const c of containers) {
    const value = securityContext(c)?.procMount;
    if (value !== undefined && value !== null && value !== 'Default') {
      report('baseline-proc-mount', scPath(c, 'procMount'), mustNotSetTo(describe(c), 'securityContext.procMount', value));
    }
  }
};

const sysctls: Check = ({ pod, report }) => {
  asArray(podSecurityContext(pod)?.sysctls).forEach((s, i) => {
    const name = asObj(s)?.name;
    if (!SAFE_SYSCTLS.includes(String(name))) {
      report('baseline-sysctls', join(index(podScPath(pod, 'sysctls'), i), 'name'), { en: `sysctl ${JSON.stringify(name)} is not in the safe set`, es: `el sysctl ${JSON.stringify(name)} no está en el conjunto seguro` });
    }
  });
};

/** Policy 1.34+: probes and lifecycle handlers must not point at another host. */
const probeHost: Check = ({ containers, report }) => {
  for (const c of containers) {
    const handlers: [string[], unknown][] = [
      [['livenessProbe'], c.container.livenessProbe],
      [['readinessProbe'], c.container.readinessProbe],
      [['startupProbe'], c.container.startupProbe],
      [['lifecycle', 'postStart'], asObj(c.container.lifecycle)?.postStart],
      [['lifecycle', 'preStop'], asObj(c.container.lifecycle)?.preStop],
    ];
    for (const [names, handler] of handlers) {
      for (const action of ['httpGet', 'tcpSocket']) {
        const host = asObj(asObj(handler)?.[action])?.host;
        if (typeof host === 'string' && host !== '') {
          report('baseline-probe-host', join(c.path, ...names, action, 'host'), mustNotSet(describe(c), `${names.join('.')}.${action}.host (${host})`));
        }
      }
    }
  }
};

// ---- Restricted ----

const volumeTypes: Check = ({ pod, report }) => {
  asArray(pod.spec.volumes).forEach((v, i) => {
    const volume = asObj(v);
    if (volume === undefined) return;
    const sources = Object.keys(volume).filter((k) => k !== 'name' && volume[k] !== undefined && volume[k] !== null);
    if (sources.some((s) => RESTRICTED_VOLUME_TYPES.includes(s))) return;
    if (sources.includes('hostPath')) return; // baseline-host-path-volumes
    const base = index(child(pod.specPath, 'volumes'), i);
    report(
      'restricted-volume-types',
      sources.length > 0 ? child(base, sources[0]!) : base,
      {
        en: `volume "${String(volume.name)}" uses ${sources.length > 0 ? `type ${sources.join(', ')}` : 'no volume source'}; allowed: ${RESTRICTED_VOLUME_TYPES.join(', ')}`,
        es: `el volumen "${String(volume.name)}" usa ${sources.length > 0 ? `el tipo ${sources.join(', ')}` : 'ningún origen de volumen'}; permitidos: ${RESTRICTED_VOLUME_TYPES.join(', ')}`,
      },
    );
  });
};

const allowPrivilegeEscalation: Check = ({ pod, containers, report }) => {
  if (isWindows(pod)) return;
  for (const c of containers) {
    if (securityContext(c)?.allowPrivilegeEscalation !== false) {
      report('restricted-allow-privilege-escalation', scPath(c, 'allowPrivilegeEscalation'), mustSet(describe(c), 'securityContext.allowPrivilegeEscalation=false'));
    }
  }
};

const runAsNonRoot: Check = ({ pod, containers, report }) => {
  if (usesUserNamespace(pod)) return;
  const podValue = podSecurityContext(pod)?.runAsNonRoot;
  if (podValue === false) report('restricted-run-as-non-root', podScPath(pod, 'runAsNonRoot'), mustNotSet(POD, 'securityContext.runAsNonRoot=false'));
  for (const c of containers) {
    const value = securityContext(c)?.runAsNonRoot;
    if (value === false) {
      report('restricted-run-as-non-root', scPath(c, 'runAsNonRoot'), mustNotSet(describe(c), 'securityContext.runAsNonRoot=false'));
    } else if (value !== true && podValue !== true) {
      report('restricted-run-as-non-root', scPath(c, 'runAsNonRoot'), mustSet(podOr(c), 'securityContext.runAsNonRoot=true'));
    }
  }
};

const runAsUser: Check = ({ pod, containers, report }) => {
  if (usesUserNamespace(pod)) return;
  if (podSecurityContext(pod)?.runAsUser === 0) report('restricted-run-as-user', podScPath(pod, 'runAsUser'), mustNotSet(POD, 'runAsUser=0'));
  for (const c of containers) {
    if (securityContext(c)?.runAsUser === 0) report('restricted-run-as-user', scPath(c, 'runAsUser'), mustNotSet(describe(c), 'runAsUser=0'));
  }
};

const seccomp: Check = ({ pod, containers, report }) => {
  // Windows pods: Restricted's seccomp check (which replaces Baseline's) admits them.
  if (isWindows(pod)) return;
  const bad = (profile: Obj, path: string, who: Who): void => {
    const type = profile.type;
    const rule = type === 'Unconfined' ? 'baseline-seccomp-profile' : 'restricted-seccomp-profile';
    report(rule, child(path, 'type'), mustNotSetTo(who, 'securityContext.seccompProfile.type', type, true));
  };
  const podProfile = asObj(podSecurityContext(pod)?.seccompProfile);
  let podSet = false;
  if (podProfile !== undefined) {
    if (VALID_PROFILE_TYPES.includes(String(podProfile.type))) podSet = true;
    else bad(podProfile, podScPath(pod, 'seccompProfile'), POD);
  }
  for (const c of containers) {
    const profile = asObj(securityContext(c)?.seccompProfile);
    if (profile !== undefined) {
      if (!VALID_PROFILE_TYPES.includes(String(profile.type))) bad(profile, scPath(c, 'seccompProfile'), describe(c));
    } else if (!podSet) {
      report('restricted-seccomp-profile', scPath(c, 'seccompProfile', 'type'), { en: `pod or ${describe(c).en} must set securityContext.seccompProfile.type to RuntimeDefault or Localhost`, es: `${podOr(c).es} debe establecer securityContext.seccompProfile.type a RuntimeDefault o Localhost` });
    }
  }
};

const capabilities: Check = ({ pod, containers, report }) => {
  if (isWindows(pod)) return;
  for (const c of containers) {
    const caps = asObj(securityContext(c)?.capabilities);
    const drop = asArray(caps?.drop);
    if (!drop.includes('ALL')) {
      report('restricted-capabilities', scPath(c, 'capabilities', 'drop'), mustSet(describe(c), 'securityContext.capabilities.drop=["ALL"]'));
    }
    asArray(caps?.add).forEach((cap, i) => {
      if (cap === 'NET_BIND_SERVICE') return;
      const path = index(scPath(c, 'capabilities', 'add'), i);
      if (BASELINE_CAPABILITIES.includes(String(cap))) {
        report('restricted-capabilities', path, { en: `${describe(c).en} must not add capability ${JSON.stringify(cap)} (only NET_BIND_SERVICE)`, es: `${describe(c).es} no debe añadir la capacidad ${JSON.stringify(cap)} (solo NET_BIND_SERVICE)` });
      } else {
        report('baseline-capabilities', path, { en: `${describe(c).en} must not add capability ${JSON.stringify(cap)}`, es: `${describe(c).es} no debe añadir la capacidad ${JSON.stringify(cap)}` });
      }
    });
  }
};

const CHECKS: readonly Check[] = [
  hostProcess,
  hostNamespaces,
  privileged,
  capabilities,
  hostPathVolumes,
  volumeTypes,
  hostPorts,
  appArmor,
  seLinux,
  procMount,
  seccomp,
  sysctls,
  probeHost,
  allowPrivilegeEscalation,
  runAsNonRoot,
  runAsUser,
];
