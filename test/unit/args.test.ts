import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { parseCreateArgs } from '../../src/cli/args.js';
import { detectLang } from '../../src/cli/i18n.js';

describe('parseCreateArgs', () => {
  it('reads every flag', () => {
    const args = parseCreateArgs(['dir', '-y', '--name', 'n', '--framework', 'net10.0', '--job', 'a,b', '--job', 'c', '--dry-run', '--no-install', '--force', '--lang', 'es']);
    expect(args).toMatchObject({ directory: 'dir', yes: true, name: 'n', framework: 'net10.0', jobs: ['a', 'b', 'c'], dryRun: true, install: false, force: true, lang: 'es' });
  });
  it('defaults to installing and to no explicit interactivity', () => {
    const args = parseCreateArgs([]);
    expect(args.install).toBe(true);
    expect(args.interactive).toBeUndefined();
  });
  it.each([[['--nope']], [['a', 'b']], [['--lang', 'fr']], [['--name']]])('rejects %j', (argv) => {
    expect(() => parseCreateArgs(argv)).toThrow(InvalidInputError);
  });
});

describe('detectLang', () => {
  it('prefers the flag, then LC_ALL/LC_MESSAGES/LANG', () => {
    expect(detectLang('en', { LANG: 'es_ES.UTF-8' })).toBe('en');
    expect(detectLang(undefined, { LANG: 'es_ES.UTF-8' })).toBe('es');
    expect(detectLang(undefined, { LC_ALL: 'es_MX', LANG: 'en_US' })).toBe('es');
    expect(detectLang(undefined, {})).toBe('en');
  });
});
