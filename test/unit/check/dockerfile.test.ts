import { describe, expect, it } from 'vitest';
import { isDockerfile } from '../../../src/check/rules/dockerfile.js';
import { checkMemory } from '../../../src/check/run.js';

// Each Dockerfile rule at its exact line and text, with the edges of each condition (stage names, digests, users).

async function findings(files: Record<string, string>): Promise<string[]> {
  const report = await checkMemory(new Map(Object.entries(files)));
  return report.findings.filter((f) => f.rule.startsWith('dockerfile-')).map((f) => `${f.file}:${f.line ?? '-'} ${f.rule} ${f.message}`);
}
const good = 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS Build\nRUN dotnet publish\nFROM mcr.microsoft.com/dotnet/runtime:8.0\nUSER 1654\n';

describe('isDockerfile', () => {
  it.each([
    ['Dockerfile', true], ['src/dockerfile', true], ['api.Dockerfile', true], ['Dockerfile.prod', true],
    ['Dockerfile-old', false], ['mydockerfile', false], ['dockerfile.d/x', false], ['.dockerfile', true], ['x/.dockerignore', false],
  ])('%s → %s', (path, expected) => {
    expect(isDockerfile(path)).toBe(expected);
  });
});

describe('checkDockerfiles', () => {
  it('a multi-stage file on a runtime image with a numeric user and a .dockerignore has no finding; stage names are case-blind', async () => {
    expect(await findings({ Dockerfile: good.replace('FROM mcr.microsoft.com/dotnet/runtime:8.0', 'FROM build AS final\nFROM mcr.microsoft.com/dotnet/runtime:8.0'), '.dockerignore': 'bin/\n' })).toEqual([]);
    expect(await findings({ 'app/Dockerfile': good, 'app/Dockerfile.dockerignore': 'bin/\n' })).toEqual([]);
    expect(await findings({ 'x.Dockerfile': '# no FROM at all\n' })).toEqual([]);
  });

  it('reports each finding at its line with its text', async () => {
    const text = 'FROM node AS web\nFROM alpine:LATEST\nFROM scratch\nFROM $BASE\nFROM img@sha256:0123456789012345678901234567890123456789012345678901234567890123\nFROM mcr.microsoft.com/dotnet/sdk:8.0\nUSER 1000\nUSER app:app\n';
    expect(await findings({ 'deploy/Dockerfile': text })).toEqual([
      'deploy/Dockerfile:- dockerfile-dockerignore no deploy/.dockerignore: bin/, obj/, .git and local settings enter the build context',
      'deploy/Dockerfile:1 dockerfile-base-tag FROM node has no tag (Docker pulls latest)',
      'deploy/Dockerfile:2 dockerfile-base-tag FROM alpine:latest',
      'deploy/Dockerfile:6 dockerfile-runtime-image the final stage runs on mcr.microsoft.com/dotnet/sdk:8.0, a build image',
      'deploy/Dockerfile:8 dockerfile-non-root-user USER app is not numeric: Kubernetes cannot verify runAsNonRoot',
    ]);
  });

  it('a single stage, no USER after the final FROM, USER 0 and USER $VAR', async () => {
    expect(await findings({ Dockerfile: 'USER 1000\nFROM alpine:3\n', '.dockerignore': '' })).toEqual([
      'Dockerfile:2 dockerfile-multi-stage one FROM: the SDK and sources ship in the image',
      'Dockerfile:2 dockerfile-non-root-user the final stage has no USER: the container runs as root',
    ]);
    expect(await findings({ Dockerfile: `${good}USER 00\n`, '.dockerignore': '' })).toEqual(['Dockerfile:5 dockerfile-non-root-user USER 0 is root']);
    expect(await findings({ Dockerfile: `${good}USER 12a\n`, '.dockerignore': '' })).toEqual(['Dockerfile:5 dockerfile-non-root-user USER 12a is not numeric: Kubernetes cannot verify runAsNonRoot']);
    expect(await findings({ Dockerfile: `${good}USER a12\n`, '.dockerignore': '' })).toEqual(['Dockerfile:5 dockerfile-non-root-user USER a12 is not numeric: Kubernetes cannot verify runAsNonRoot']);
    expect(await findings({ Dockerfile: `${good}USER  $APP_UID \n`, '.dockerignore': '' })).toEqual([]);
    expect(await findings({ Dockerfile: `${good}USER 10:10\n`, '.dockerignore': '' })).toEqual([]);
  });
});
