import { describe, expect, it } from 'vitest';
import { synthFiles } from '../support/synth.js';

type Task = { steps?: { exec?: string; spawn?: string }[] };

function tasks(options: Parameters<typeof synthFiles>[0]): Record<string, Task> {
  return (JSON.parse(synthFiles(options).get('.projen/tasks.json')!) as { tasks: Record<string, Task> }).tasks;
}

describe('projen tasks of the generated repository', () => {
  it('compile runs dotnet build (warnings as errors), test runs dotnet test, and build spawns both', () => {
    const t = tasks({ name: 'nightly-report' });
    expect(t.compile!.steps).toEqual([{ exec: 'dotnet build NightlyReport.sln -warnaserror' }]);
    expect(t.test!.steps).toEqual([{ exec: 'dotnet test NightlyReport.sln' }]);
    const spawned = (t.build!.steps ?? []).map((s) => s.spawn);
    expect(spawned).toEqual(expect.arrayContaining(['compile', 'test']));
  });

  it("builds an adopted app's project, or its job host when it has one (what the image ships)", () => {
    const app = 'src/Shop.Web/Shop.Web.csproj';
    expect(tasks({ name: 'shop', existingApp: { project: app } }).compile!.steps).toEqual([{ exec: `dotnet build ${app} -warnaserror` }]);
    const host = tasks({ name: 'shop', existingApp: { project: app, jobHost: true } });
    expect(host.compile!.steps).toEqual([{ exec: 'dotnet build src/Shop.Web.Jobs/Shop.Web.Jobs.csproj -warnaserror' }]);
    expect(host.test!.steps).toEqual([{ exec: 'dotnet test src/Shop.Web.Jobs/Shop.Web.Jobs.csproj' }]);
  });
});
