import { runsJobHost, type RepoContext } from '../../project/context.js';
import { policyPackageIds } from '../dotnet/msbuild.js';
import { packageJson } from '../../util/package-info.js';

/**
 * Dependabot for every ecosystem in the repo. create-batch-job gets its own group so a policy release arrives
 * as one pull request the policy-update workflow recognises; projen and constructs are left to it (this
 * package pins them and `npx projen` would undo a separate bump).
 */
export function dependabotConfig(ctx: RepoContext): object {
  const weekly = { interval: 'weekly' };
  // Under central package management the policy's versions live in the managed Directory.Packages.props, which
  // a bump would make drift: they move with create-batch-job releases; Dependabot keeps the team's own packages.
  const nugetIgnore = ctx.options.packageManagement === 'central'
    ? { ignore: policyPackageIds(runsJobHost(ctx)).map((id) => ({ 'dependency-name': id })) }
    : {};
  return {
    version: 2,
    updates: [
      {
        'package-ecosystem': 'npm',
        directory: '/',
        schedule: weekly,
        groups: { [packageJson.name]: { patterns: [packageJson.name] } },
        ignore: [{ 'dependency-name': 'projen' }, { 'dependency-name': 'constructs' }],
      },
      { 'package-ecosystem': 'nuget', directory: '/', schedule: weekly, ...nugetIgnore },
      { 'package-ecosystem': 'docker', directory: '/', schedule: weekly },
      { 'package-ecosystem': 'github-actions', directory: '/', schedule: weekly },
    ],
  };
}
