import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import { runsJobHost, type JobModel, type RepoContext } from '../../project/context.js';
import { GRACE_PERIOD_ENV } from '../dotnet/templates.js';
import { jobLabels, names } from './labels.js';
import { telemetryEnv } from './telemetry.js';

/**
 * The pod every run of a job starts: the app's image with the job name as argument, Pod Security
 * "restricted", read-only root file system with a writable /tmp, resources, settings from a ConfigMap and
 * secrets only by reference.
 */
/**
 * Whether each CronJob passes its job's name as the container argument, so the image runs that one job. Only the
 * managed job host reads it: a new app is one, and an adopted app gets one next to it (`existingApp.jobHost`);
 * without it the adopted app keeps its own command line, so all of its CronJobs would start the same program.
 * `adopt` writes migrated schedules as jobs only when this holds.
 */
export function passesJobArgument(existingApp: boolean, jobHost = false): boolean {
  return !existingApp || jobHost;
}

export function podTemplate(ctx: RepoContext, job: JobModel): IPodTemplateSpec {
  const uid = ctx.policy.containerUid;
  const gracePeriodSeconds = ctx.policy.terminationGracePeriodSeconds;
  // An adopted app run as it is keeps its own telemetry settings: explicit env would override its ConfigMap. Only
  // the generated job host reads the grace period variable.
  const host = runsJobHost(ctx);
  const env: IEnvVar[] = [
    ...(host ? [{ name: GRACE_PERIOD_ENV, value: String(gracePeriodSeconds) }] : []),
    ...(host ? telemetryEnv(ctx, job) : []),
    ...job.secretEnv.map((s) => ({ name: s.name, valueFrom: { secretKeyRef: { name: s.secretName, key: s.key } } })),
  ];
  return {
    metadata: { labels: jobLabels(ctx, job.name) },
    spec: {
      serviceAccountName: names.serviceAccount(ctx),
      // Only jobs that call the API server get a token, and then only for their own Role.
      automountServiceAccountToken: job.apiAccess !== undefined,
      restartPolicy: job.restartPolicy,
      // The job host reads the same value from GRACE_PERIOD_ENV (above): a patch that changes one must change both.
      terminationGracePeriodSeconds: gracePeriodSeconds,
      securityContext: {
        runAsNonRoot: true,
        runAsUser: uid,
        runAsGroup: uid,
        fsGroup: uid,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      containers: [
        {
          name: names.container,
          image: names.image(ctx),
          // The image's ENTRYPOINT starts the app; the argument selects the job. An adopted app keeps its own
          // command line until it moves to the job host.
          ...(passesJobArgument(ctx.existingApp, ctx.jobHost !== undefined) ? { args: [job.name] } : {}),
          envFrom: [{ configMapRef: { name: names.config(ctx, job) } }],
          ...(env.length > 0 ? { env } : {}),
          resources: { requests: { ...job.requests }, limits: { ...job.limits } },
          securityContext: {
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            runAsNonRoot: true,
            runAsUser: uid,
            capabilities: { drop: ['ALL'] },
            seccompProfile: { type: 'RuntimeDefault' },
          },
          volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
        },
      ],
      volumes: [{ name: 'tmp', emptyDir: { sizeLimit: ctx.policy.jobDefaults.tmpSizeLimit } }],
    },
  };
}
