import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sortUsings } from '../../../src/components/dotnet/usings.js';
import { dotnet } from '../../support/dotnet.js';
import { synthFiles } from '../../support/synth.js';

/** Namespace sets whose order a fixed template gets wrong, or that a plain string sort gets wrong. */
const CASES: readonly (readonly string[])[] = [
  // The app's namespace before a library's: `create-batch-job 9lives-etl` → `Job9livesEtl`.
  ['Microsoft.Extensions.Logging.Abstractions', 'Microsoft.Extensions.Options', 'Job9livesEtl.Jobs'],
  // System first, then the rest; `System` itself before `System.*`.
  ['Zeta.Jobs', 'Microsoft.Extensions.Options', 'System.Text.Json', 'System', 'Acme.Billing'],
  // One dotted part at a time: `Microsoft` and `Microsoft.*` before `MicrosoftTools` and `Microsoft_Legacy`.
  ['MicrosoftTools.Jobs', 'Microsoft.Extensions.Options', 'Microsoft_Legacy', 'Microsoft'],
  // Case is ignored first, then lowercase breaks the tie inside a part: `acme.Jobs` before `Acme.Billing`.
  ['acme.Jobs', 'Acme.Billing', 'ACME', 'Acme2.Jobs', 'AcmeB', 'acmeA'],
  ['AB.X', 'ab.X', 'Ab.X', 'aB.X'],
  // `_` before digits before letters (a code-point sort puts digits first).
  ['JobA', 'Job9', 'Job_9', 'Joba', 'Job'],
  // Names outside ASCII go through the invariant collation.
  ['Über.Jobs', 'Uber.Jobs', 'Zeta'],
  // A prefix before its longer names.
  ['App.Jobs.Extra', 'App', 'App.Jobs', 'Application'],
];

/**
 * `sortUsings` against the real `dotnet format` (style, with the generated `.editorconfig`): every ordered file
 * passes, and the same directives reversed are reported (so the oracle does look at the order).
 */
describe('using directives ordered as dotnet format wants', () => {
  it('passes dotnet format --verify-no-changes, and the reversed order does not', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cbj-usings-'));
    writeFileSync(join(dir, '.editorconfig'), synthFiles({ name: 'usings-probe' }).get('.editorconfig')!);
    writeFileSync(join(dir, 'probe.csproj'), '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n</Project>\n');
    const file = (usings: readonly string[]) => `${usings.map((u) => `using ${u};`).join('\n')}\n\nnamespace Probe;\n\npublic static class C\n{\n}\n`;
    CASES.forEach((names, i) => {
      const sorted = sortUsings(names);
      writeFileSync(join(dir, `Sorted${i}.cs`), file(sorted));
      writeFileSync(join(dir, `Reversed${i}.cs`), file([...sorted].reverse()));
    });
    const result = await dotnet(['format', 'style', 'probe.csproj', '--verify-no-changes', '-v', 'q'], dir, { timeout: 170_000 });
    const reported = [...result.all.matchAll(/\/(\w+)\.cs\(\d+,\d+\): error IMPORTS/g)].map((m) => m[1]).sort();
    expect(reported, result.all).toEqual(CASES.map((_, i) => `Reversed${i}`).sort());
  });
});
