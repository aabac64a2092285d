import type { Policy } from './types.js';

/**
 * The policy this package version applies. Generator defaults and `check` rules both read it;
 * nothing else may restate these values.
 */
export const policy: Policy = {
  version: '1.1.0',
  name: 'Batch jobs run on Kubernetes (Jobs/CronJobs), never scheduled inside .NET apps',
  defaultFramework: 'net8.0',
  frameworks: {
    'net8.0': {
      tfm: 'net8.0',
      sdkVersion: '8.0.400',
      sdkImage: 'mcr.microsoft.com/dotnet/sdk:8.0',
      runtimeImage: 'mcr.microsoft.com/dotnet/runtime:8.0',
      chiseledRuntimeImage: 'mcr.microsoft.com/dotnet/runtime:8.0-noble-chiseled',
      aspnetRuntimeImage: 'mcr.microsoft.com/dotnet/aspnet:8.0',
      endOfSupport: '2026-11-10',
      packages: {
        'Microsoft.Extensions.Hosting': '8.0.1',
        'Microsoft.Extensions.Options.DataAnnotations': '8.0.0',
        OpenTelemetry: '1.15.3',
        'OpenTelemetry.Extensions.Hosting': '1.15.3',
        'OpenTelemetry.Exporter.OpenTelemetryProtocol': '1.15.3',
        'Microsoft.CodeAnalysis.BannedApiAnalyzers': '4.14.0',
        'Microsoft.NET.Test.Sdk': '17.14.1',
        xunit: '2.9.3',
        'xunit.runner.visualstudio': '3.1.5',
      },
    },
    'net10.0': {
      tfm: 'net10.0',
      sdkVersion: '10.0.100',
      sdkImage: 'mcr.microsoft.com/dotnet/sdk:10.0',
      runtimeImage: 'mcr.microsoft.com/dotnet/runtime:10.0',
      chiseledRuntimeImage: 'mcr.microsoft.com/dotnet/runtime:10.0-noble-chiseled',
      aspnetRuntimeImage: 'mcr.microsoft.com/dotnet/aspnet:10.0',
      endOfSupport: '2028-11-14',
      packages: {
        'Microsoft.Extensions.Hosting': '10.0.15',
        'Microsoft.Extensions.Options.DataAnnotations': '10.0.15',
        OpenTelemetry: '1.15.3',
        'OpenTelemetry.Extensions.Hosting': '1.15.3',
        'OpenTelemetry.Exporter.OpenTelemetryProtocol': '1.15.3',
        'Microsoft.CodeAnalysis.BannedApiAnalyzers': '4.14.0',
        'Microsoft.NET.Test.Sdk': '18.0.1',
        xunit: '2.9.3',
        'xunit.runner.visualstudio': '3.1.5',
      },
    },
  },
  bannedPackages: [
    { pattern: 'Hangfire*', reason: 'in-process job scheduler', namespaces: ['Hangfire'] },
    { pattern: 'Quartz*', reason: 'in-process job scheduler', namespaces: ['Quartz'] },
    { pattern: 'Coravel*', reason: 'in-process task scheduler', namespaces: ['Coravel'] },
    { pattern: 'FluentScheduler', reason: 'in-process task scheduler', namespaces: ['FluentScheduler'] },
    { pattern: 'NCronJob', reason: 'in-process cron scheduler', namespaces: ['NCronJob'] },
    { pattern: 'TickerQ*', reason: 'in-process job scheduler', namespaces: ['TickerQ'] },
    { pattern: 'Sundial*', reason: 'in-process job scheduler', namespaces: ['Sundial'] },
    { pattern: 'Cronos', reason: 'cron evaluation for in-process scheduling', namespaces: ['Cronos'] },
    { pattern: 'NCrontab*', reason: 'cron evaluation for in-process scheduling', namespaces: ['NCrontab'] },
  ],
  // Symbols not tied to a banned package; each banned package's namespaces are added from bannedPackages.
  bannedSymbols: [
    { id: 'T:System.Threading.Timer', reason: 'timers schedule work in-process' },
    { id: 'T:System.Timers.Timer', reason: 'timers schedule work in-process' },
    { id: 'T:System.Threading.PeriodicTimer', reason: 'periodic timers schedule work in-process' },
    { id: 'T:Microsoft.Extensions.Hosting.BackgroundService', reason: 'long-running background loops replace Kubernetes scheduling' },
  ],
  jobDefaults: {
    kind: 'cronjob',
    schedule: '0 2 * * *',
    timeZone: 'Etc/UTC',
    concurrencyPolicy: 'Forbid',
    restartPolicy: 'Never',
    backoffLimit: 3,
    activeDeadlineSeconds: 3600,
    startingDeadlineSeconds: 300,
    successfulJobsHistoryLimit: 3,
    failedJobsHistoryLimit: 5,
    ttlSecondsAfterFinished: 86400,
    requests: { cpu: '100m', memory: '128Mi', 'ephemeral-storage': '64Mi' },
    limits: { cpu: '1', memory: '512Mi', 'ephemeral-storage': '256Mi' },
    tmpSizeLimit: '64Mi',
    imageTag: '0.1.0',
    registry: 'registry.example.com/batch',
  },
  editorConfig: `root = true

[*]
charset = utf-8
end_of_line = lf
insert_final_newline = true
trim_trailing_whitespace = true
indent_style = space
indent_size = 2

[*.{cs,csx}]
indent_size = 4
dotnet_sort_system_directives_first = true
`,
  securityHeaders: {
    'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
    'Referrer-Policy': 'strict-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  },
  exitCodes: { success: 0, failure: 1, invalidConfiguration: 2, terminated: 143 },
  terminationGracePeriodSeconds: 30,
  containerUid: 1654,
  telemetry: { otlpPort: 4317, otlpProtocol: 'grpc', flushSeconds: 3, exportTimeoutMilliseconds: 2000 },
  instana: {
    namespace: 'instana-agent',
    keysSecret: 'instana-agent-key',
    endpointHost: 'ingress-red-saas.instana.io',
    endpointPort: 443,
    zone: 'batch-jobs',
    cluster: 'batch-jobs-cluster',
  },
  ci: {
    nodeVersion: '24',
    mainBranch: 'main',
    versionTagPrefix: 'v',
    kubectlVersion: 'v1.34.1',
    githubActions: {
      checkout: 'actions/checkout@v5',
      setupDotnet: 'actions/setup-dotnet@v5',
      setupNode: 'actions/setup-node@v5',
      setupKubectl: 'azure/setup-kubectl@v4',
      uploadArtifact: 'actions/upload-artifact@v4',
      downloadArtifact: 'actions/download-artifact@v5',
      uploadSarif: 'github/codeql-action/upload-sarif@v3',
    },
    azureTasks: {
      useDotnet: 'UseDotNet@2',
      node: 'NodeTool@0',
      kubectl: 'KubectlInstaller@0',
      publishTestResults: 'PublishTestResults@2',
      publishArtifact: 'PublishPipelineArtifact@1',
    },
    gitlabImages: {
      node: 'node:24-bookworm',
      kubectl: 'alpine/k8s:1.34.1',
      docker: 'docker:28',
      dockerDaemon: 'docker:28-dind',
    },
    trx2junitVersion: '2.1.0',
  },
  changelog: [
    {
      version: '1.1.0',
      changes: [
        'New managed deploy/instana/values.yaml (instana-agent chart: agent.keysSecret, endpoint, zone, cluster, OTLP receivers on); the agent key stays in a Secret.',
        'New managed src/<App>/JobTelemetry.cs with OpenTelemetry packages in Directory.Build.props: a span, job.runs and job.run.duration per run, logs over OTLP, flushed before exit. A .cs file, not .g.cs, so the repository\'s analyzers check it like the team\'s code; a JobTelemetry.g.cs written by an earlier synthesis is deleted on re-sync.',
        'Job manifests set NODE_IP and the OTEL_* variables (node-local agent on port 4317, gRPC); set OTEL_SDK_DISABLED=true in a job\'s env to switch it off.',
        'New managed CI files (ci: github by default, or azure, gitlab, none): build with a drift check, tests, kustomize render, the batch-job check compliance scan and the image; Dependabot and policy-update pull requests on GitHub; a deploy/rollback pipeline with deploy: true.',
        'Kubernetes object names start with the repository name (<repo>-<job>) so two repositories share a namespace safely; a one-off Job is named after its image tag, so a new version is a new Job.',
        'The managed job host is JobHost.cs (checked by the analyzers); the build guard checks resolved (transitive) packages; BannedSymbols.txt covers every banned package\'s namespaces; the Dockerfile restores every referenced project and builds for the target platform.',
        'The build guard names the project\'s own reference(s) whose dependency closure holds a banned package (not every direct reference).',
        'Job manifests pass the pod\'s terminationGracePeriodSeconds to the job host as TERMINATION_GRACE_PERIOD_SECONDS (one value for both; an invalid value exits 2); the compiled value is only the fallback outside Kubernetes. New check rule k8s-grace-period-env: the two must agree after kustomize patches.',
        'A one-off Job is named after the image tag the kustomization pins (a kustomize replacement), so a deploy that only sets the image creates a new Job; such a repo\'s image tag is lower case, at most 40 characters. Indexed one-off Jobs keep the .projenrc.ts tag.',
        'New check rule job-not-registered: a CronJob/Job whose job name the app does not register (jobs.Add<…>("name")) would exit 2 on every run; the README says how to add a job.',
        'New runtimeImage option (default | chiseled): the chiseled final stage (Ubuntu chiseled runtime, no shell, no ICU) builds the app with InvariantGlobalization.',
      ],
    },
    {
      version: '1.0.0',
      changes: [
        'First version: net8.0 by default (net10.0 selectable), banned scheduling packages and timer types.',
        'Job exit-code contract 0/1/2/143; CronJob/Job manifests with pod failure policy and Pod Security "restricted".',
      ],
    },
  ],
};
