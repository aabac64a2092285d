import { describe, expect, it } from 'vitest';
import { sortUsings } from '../../src/components/dotnet/usings.js';
import { synthFiles } from '../support/synth.js';

// Expected orders are the ones `dotnet format style` wrote for these directives (SDK 10); the MSBuild layer
// (test/unit/dotnet/using-order.test.ts) re-checks the function against dotnet format itself.
describe('sortUsings', () => {
  it.each([
    [['acme.Jobs', 'Acme.Billing', 'ACME', 'Acme2.Jobs', 'AcmeB', 'acmeA'], ['acme.Jobs', 'Acme.Billing', 'ACME', 'Acme2.Jobs', 'acmeA', 'AcmeB']],
    [['AB.X', 'Ab.X', 'aB.X', 'ab.X'], ['ab.X', 'aB.X', 'Ab.X', 'AB.X']],
    [['JobA', 'Joba', 'Job9', 'Job_9'], ['Job_9', 'Job9', 'Joba', 'JobA']],
    [['Microsoft.Extensions.Options', 'Job9livesEtl.Jobs', 'System.Text', 'System'], ['System', 'System.Text', 'Job9livesEtl.Jobs', 'Microsoft.Extensions.Options']],
    [['MicrosoftTools', 'Microsoft.Extensions', 'Microsoft'], ['Microsoft', 'Microsoft.Extensions', 'MicrosoftTools']],
    [['Systemic.Jobs', 'System.IO'], ['System.IO', 'Systemic.Jobs']],
    [['B', 'A', 'B', 'A'], ['A', 'B']],
  ])('%j → %j', (input, expected) => {
    expect(sortUsings(input)).toEqual(expected);
  });

  it("orders a job test's usings for an app whose namespace sorts before Microsoft", () => {
    const files = synthFiles({ name: '9lives-etl', jobs: [{ name: 'purge' }] });
    const test = files.get('tests/Job9livesEtl.Tests/PurgeJobTests.cs')!;
    expect(test.split('\n').filter((l) => l.startsWith('using '))).toEqual([
      'using Job9livesEtl.Jobs;',
      'using Microsoft.Extensions.Logging.Abstractions;',
      'using Microsoft.Extensions.Options;',
    ]);
    expect(test).toMatch(/^using Job9livesEtl\.Jobs;\n/);
  });
});
