import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { CREATE_OPTIONS } from '../../src/cli/args.js';
import { BATCH_JOB_OPTIONS } from '../../src/cli/batch-job-options.js';
import { batchJobBin, createBin, tempDir } from '../support/cli.js';

function run(bin: string, args: string[], lang: 'en' | 'es') {
  return execa(process.execPath, [bin, ...args], { cwd: tempDir(), reject: false, stdin: 'ignore', env: { LANG: lang === 'es' ? 'es_ES.UTF-8' : 'C', LC_ALL: '' } });
}

/** The help entry of `flag`: its line and the more-indented lines under it. */
function entry(help: string, flag: string): string | undefined {
  const lines = help.split('\n');
  const spellings = [`--${flag}`, `--no-${flag}`, `--[no-]${flag}`];
  const i = lines.findIndex((l) => /^\s+-/.test(l) && spellings.some((s) => new RegExp(`(^|[\\s,])${s.replace(/[[\]]/g, '\\$&')}(\\s|,|$)`).test(l)));
  if (i < 0) return undefined;
  const rest = lines.slice(i + 1);
  const end = rest.findIndex((l) => /^\s{0,8}-/.test(l) || l.trim() === '');
  return [lines[i], ...rest.slice(0, end < 0 ? rest.length : end)].join('\n');
}

const DEFAULT = { en: '(default:', es: '(por defecto:' } as const;

const cases = [
  { bin: createBin, args: ['--help'], options: CREATE_OPTIONS, name: 'create-batch-job' },
  ...Object.entries(BATCH_JOB_OPTIONS).map(([command, options]) => ({ bin: batchJobBin, args: [command, '--help'], options, name: `batch-job ${command}` })),
];

describe.each(['en', 'es'] as const)('--help (%s)', (lang) => {
  it.each(cases)('$name --help lists every flag with its default', async ({ bin, args, options }) => {
    const result = await run(bin, args, lang);
    expect(result.exitCode, result.stderr).toBe(0);
    for (const flag of Object.keys(options)) {
      const text = entry(result.stdout, flag);
      expect(text, `--${flag} is not documented:\n${result.stdout}`).toBeDefined();
      expect(text, `--${flag} has no default`).toContain(DEFAULT[lang]);
    }
  });

  it.each(['check', 'adopt', 'migrate', 'version'])('batch-job %s: an unknown flag is one line ending with a newline, exit 2', async (command) => {
    const result = await run(batchJobBin, [command, '--no-such-flag'], lang);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    const stderr = String(result.stderr);
    // execa strips the final newline by default: read the raw bytes instead.
    const raw = await execa(process.execPath, [batchJobBin, command, '--no-such-flag'], { cwd: tempDir(), reject: false, stripFinalNewline: false, env: { LANG: 'C' } });
    expect(String(raw.stderr).endsWith('\n')).toBe(true);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toContain('--no-such-flag');
    expect(stderr).toContain(`batch-job ${command} --help`);
  });
});
