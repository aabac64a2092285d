import { DockerfileParser } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { checkMemory } from '../../src/check/run.js';
import { renderDockerfile } from '../../src/components/docker/dockerfile.js';
import { policy, type Framework } from '../../src/policy/index.js';
import { InvalidInputError } from '../../src/errors.js';
import { resolveOptions } from '../../src/project/validate.js';
import { synthFiles } from '../support/synth.js';

const frameworks = Object.keys(policy.frameworks) as Framework[];

/** Instructions after the final FROM, as keyword + raw arguments. */
function finalStage(text: string): { keyword: string; args: string }[] {
  const instructions = DockerfileParser.parse(text).getInstructions();
  const last = instructions.map((i) => i.getKeyword().toUpperCase()).lastIndexOf('FROM');
  return instructions.slice(last).map((i) => ({ keyword: i.getKeyword().toUpperCase(), args: i.getArgumentsContent() ?? '' }));
}

describe.each(frameworks)('runtimeImage: chiseled (%s)', (framework) => {
  const fw = policy.frameworks[framework];
  const chiseled = synthFiles({ name: 'reports', framework, runtimeImage: 'chiseled' });
  const plain = synthFiles({ name: 'reports', framework });

  it('the final stage is the policy\'s chiseled runtime image, pinned, for the same framework', () => {
    const from = finalStage(chiseled.get('Dockerfile')!)[0]!;
    expect(from.args).toBe(`${fw.chiseledRuntimeImage} AS final`);
    expect(fw.chiseledRuntimeImage).toMatch(new RegExp(`^mcr\\.microsoft\\.com/dotnet/runtime:${framework.slice(3)}-[a-z]+-chiseled$`));
    expect(finalStage(plain.get('Dockerfile')!)[0]!.args).toBe(`${fw.runtimeImage} AS final`);
  });

  it('needs no shell: nothing after the final FROM runs a command or uses the shell form', () => {
    for (const step of finalStage(chiseled.get('Dockerfile')!).slice(1)) {
      expect(['WORKDIR', 'COPY', 'USER', 'ENTRYPOINT', 'ENV', 'LABEL'], step.keyword).toContain(step.keyword);
      if (step.keyword === 'ENTRYPOINT') expect(JSON.parse(step.args)).toEqual(['dotnet', 'Reports.dll']);
    }
  });

  it('runs as the numeric UID of the image\'s built-in app user, which the manifests require', () => {
    const user = finalStage(chiseled.get('Dockerfile')!).find((s) => s.keyword === 'USER');
    expect(user?.args).toBe(String(policy.containerUid));
    const cronJob = [...chiseled].find(([path]) => path.endsWith('.cronjob.yaml'));
    expect(cronJob?.[1]).toContain(`runAsUser: ${policy.containerUid}`);
  });

  it('builds with invariant globalization (the image has no ICU); the default image keeps ICU', () => {
    expect(chiseled.get('Directory.Build.props')).toContain('<InvariantGlobalization>true</InvariantGlobalization>');
    expect(plain.get('Directory.Build.props')).not.toContain('InvariantGlobalization');
  });

  it('the READMEs say what the chiseled image lacks, and the default one offers it', () => {
    expect(chiseled.get('README.md')).toContain(fw.chiseledRuntimeImage.split(':')[0]);
    expect(chiseled.get('README.md')).toContain('kubectl debug');
    expect(chiseled.get('README.md')).toContain('InvariantGlobalization');
    expect(plain.get('README.md')).toContain(`runtimeImage: 'chiseled'`);
    const es = synthFiles({ name: 'reports', framework, runtimeImage: 'chiseled', lang: 'es' }).get('README.md') ?? '';
    expect(es).toContain('cultura invariante');
    expect(es).toContain('kubectl debug');
  });

  it('passes the Dockerfile rules of batch-job check', async () => {
    const report = await checkMemory(chiseled);
    expect(report.findings.filter((f) => f.rule.startsWith('dockerfile-'))).toEqual([]);
  });
});

describe('runtimeImage validation', () => {
  it('defaults to the policy\'s runtime image', () => {
    expect(resolveOptions({ name: 'reports' }).runtimeImage).toBe('default');
    expect(renderDockerfile({ appName: 'Reports', framework: 'net8.0', generatedHeader: '' }))
      .toContain(`FROM ${policy.frameworks['net8.0'].runtimeImage} AS final`);
  });

  it('refuses another value, naming the field and the valid values', () => {
    let error: unknown;
    try {
      resolveOptions({ name: 'reports', runtimeImage: 'alpine' as never });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(String((error as Error).message)).toContain('runtimeImage');
    expect(String((error as Error).message)).toContain('default|chiseled');
  });
});
