import { describe, expect, it } from 'vitest';
import { memoryRepository } from '../../../src/check/walk.js';
import { scanRepository } from '../../../src/migrate/scan.js';

// A `global using` written above a file-scoped namespace applies to the whole project, not to that namespace: a
// Hangfire schedule in another namespace that relies on it is still found.
describe('migrate: global usings above a file-scoped namespace', () => {
  it('a RecurringJob written without its namespace in another namespace is detected', async () => {
    const files = memoryRepository(
      new Map([
        ['src/App/App.csproj', '<Project Sdk="Microsoft.NET.Sdk.Worker" />\n'],
        ['src/App/Program.cs', 'global using Hangfire;\n\nnamespace Acme.Startup;\n\npublic static class Program\n{\n    public static void Main() { }\n}\n'],
        [
          'src/App/Billing/Schedules.cs',
          'namespace Acme.Billing;\n\npublic static class Schedules\n{\n    public static void Register() =>\n        RecurringJob.AddOrUpdate("nightly-invoices", () => Invoices.Send(), "0 2 * * *");\n}\n',
        ],
      ]),
    );
    const scan = await scanRepository('/nowhere', files);
    expect(scan.detected.map((d) => [d.library, d.file, d.line, d.jobId, d.written])).toStrictEqual([['hangfire', 'src/App/Billing/Schedules.cs', 6, 'nightly-invoices', '"0 2 * * *"']]);
  });
});
