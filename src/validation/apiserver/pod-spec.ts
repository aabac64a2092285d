/**
 * The few `ValidatePodSpec` rules (pkg/apis/core/validation) that a batch manifest's pod template can break in
 * ways this project meets; general pod validation is out of scope.
 */
import { asArr, asBool, asInt, asObj, child, index, type Issue, type Obj } from './internal.js';

/**
 * `validateHostNetwork`: with `hostNetwork: true` a container port is the host's port, so a `hostPort` must equal
 * its `containerPort`. Since Kubernetes 1.28 pod templates are no longer defaulted with `hostPort = containerPort`
 * (DefaultHostNetworkHostPortsInPodTemplates), so an unset (0) `hostPort` is accepted.
 */
export function hostNetworkIssues(templateSpec: Obj | undefined, specPath: string): Issue[] {
  if (asBool(templateSpec?.['hostNetwork']) !== true) return [];
  const issues: Issue[] = [];
  (asArr(templateSpec?.['containers']) ?? []).forEach((container, i) => {
    (asArr(asObj(container)?.['ports']) ?? []).forEach((port, j) => {
      const containerPort = asInt(asObj(port)?.['containerPort']);
      const hostPort = asInt(asObj(port)?.['hostPort']) ?? 0;
      if (hostPort !== 0 && hostPort !== containerPort) {
        issues.push({
          path: child(index(child(index(child(specPath, 'containers'), i), 'ports'), j), 'containerPort'),
          rule: 'pod-host-network-port',
          message: `Invalid value: ${containerPort}: must match \`hostPort\` when \`hostNetwork\` is true`,
        });
      }
    });
  });
  return issues;
}
