import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { msbuildInputs, projectClosure } from '../../src/components/docker/project-closure.js';

function write(root: string, path: string, refs: string[]): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  const items = refs.map((r) => `<ProjectReference Include="${r}" />`).join('');
  writeFileSync(join(root, path), `<Project Sdk="Microsoft.NET.Sdk"><ItemGroup>${items}</ItemGroup><ItemGroup><PackageReference Include="X" Version="1.0.0" /></ItemGroup></Project>`);
}

describe('projectClosure', () => {
  it('follows ProjectReference items transitively (either slash), once each, sorted', () => {
    const root = mkdtempSync(join(tmpdir(), 'cbj-closure-'));
    write(root, 'src/App/App.csproj', ['..\\App.Core\\App.Core.csproj']);
    write(root, 'src/App.Core/App.Core.csproj', ['../../lib/Shared/Shared.csproj', '../App/App.csproj']);
    write(root, 'lib/Shared/Shared.csproj', []);
    write(root, 'src/Unrelated/Unrelated.csproj', []);
    expect(projectClosure(root, 'src/App/App.csproj')).toEqual(['lib/Shared/Shared.csproj', 'src/App.Core/App.Core.csproj', 'src/App/App.csproj']);
  });

  it('is the app project alone before it exists on disk', () => {
    expect(projectClosure(mkdtempSync(join(tmpdir(), 'cbj-closure-')), 'src/App/App.csproj')).toEqual(['src/App/App.csproj']);
  });
});

describe('msbuildInputs', () => {
  const relay = fileURLToPath(new URL('../fixtures/adopt/relay-server/', import.meta.url));

  it('lists the props files restore reads besides the root ones: imports, nested props, central versions', () => {
    const projects = projectClosure(relay, 'src/Notifications/Notifications.csproj');
    expect(projects).toEqual(['src/Core/Core.csproj', 'src/Notifications/Notifications.csproj']);
    expect(msbuildInputs(relay, projects)).toEqual(['Directory.Packages.props', 'eng/Versions.props', 'src/Directory.Build.props']);
  });

  it('adds a nested Directory.Build.targets and nothing for a generated layout', () => {
    const root = mkdtempSync(join(tmpdir(), 'cbj-inputs-'));
    write(root, 'src/App/App.csproj', []);
    writeFileSync(join(root, 'Directory.Build.props'), '<Project />');
    writeFileSync(join(root, 'Directory.Build.targets'), '<Project />');
    expect(msbuildInputs(root, ['src/App/App.csproj'])).toEqual([]);
    writeFileSync(join(root, 'src/Directory.Build.targets'), '<Project />');
    writeFileSync(join(root, 'src/App/Broken.csproj'), '<Project><PropertyGroup>');
    expect(msbuildInputs(root, ['src/App/App.csproj', 'src/App/Broken.csproj', 'src/Missing/Missing.csproj'])).toEqual(['src/Directory.Build.targets']);
  });
});
