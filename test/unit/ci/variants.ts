import { policy, type Policy } from '../../../src/policy/index.js';
import { buildContext, type RepoContext } from '../../../src/project/context.js';
import type { BatchJobProjectOptions, CiSystem } from '../../../src/project/options.js';
import { resolveOptions } from '../../../src/project/validate.js';

const http = { host: 'reports.example.com', service: 'web', port: 8080 };

/** Every CI variant the acceptance names: system × framework × CronJob/Job × HTTP exposure × deploy. */
export function ciVariants(systems: readonly CiSystem[] = ['github', 'azure', 'gitlab']): [string, Omit<BatchJobProjectOptions, 'outdir'>][] {
  const out: [string, Omit<BatchJobProjectOptions, 'outdir'>][] = [];
  for (const ci of systems) {
    for (const framework of ['net8.0', 'net10.0'] as const) {
      for (const kind of ['cronjob', 'job'] as const) {
        for (const exposed of [false, true]) {
          for (const deploy of [false, true]) {
            out.push([
              `${ci} ${framework} ${kind}${exposed ? ' http' : ''}${deploy ? ' deploy' : ''}`,
              { name: 'nightly-report', ci, framework, deploy, jobs: [{ name: 'nightly-report', kind }], ...(exposed ? { http } : {}) },
            ]);
          }
        }
      }
    }
  }
  return out;
}

export function context(options: Omit<BatchJobProjectOptions, 'outdir'>, custom: Policy = policy): RepoContext {
  return buildContext(resolveOptions(options), custom);
}
