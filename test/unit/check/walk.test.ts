import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoriesFor, withFindings } from '../../../src/check/run.js';
import { fileReader, isRelevant, memoryRepository, walkRepository } from '../../../src/check/walk.js';

// The walk decides what `check` sees at all: every skip rule, note and limit is pinned here on a small tree.

let dir: string;
const write = (root: string, path: string, text: string | Buffer = 'x: 1\n') => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cbj-walk-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('isRelevant', () => {
  it.each([
    ['src/A.cs', true], ['A.CS', true], ['a.csproj', true], ['a.fsproj', true], ['a.vbproj', true], ['Directory.Build.props', true], ['x.targets', true],
    ['a.sln', true], ['a.slnx', true], ['a.yml', true], ['a.yaml', true], ['run.sh', true], ['run.bash', true], ['run.ps1', true],
    ['packages.lock.json', true], ['obj/project.assets.json', true], ['appsettings.json', true], ['appsettings.Production.json', true],
    ['Dockerfile', true], ['api.dockerfile', true], ['Dockerfile.prod', true], ['.dockerignore', true], ['Jenkinsfile', true],
    ['a.csx', false], ['a.yamlx', false], ['settings.json', false], ['myappsettings.json', false], ['package.json', false], ['README.md', false],
    ['dir.cs/readme.txt', false], ['mydockerfile', false], ['x.dockerignore', false],
  ])('%s → %s', (path, expected) => {
    expect(isRelevant(path)).toBe(expected);
  });
});

describe('walkRepository', () => {
  it('lists relevant files sorted, skipping tool folders, ignored paths (nested .gitignore per folder) and obj/ except project.assets.json', () => {
    const root = join(dir, 'tree');
    for (const p of ['b.yaml', 'a/Z.cs', 'a/A.cs', 'README.md', 'node_modules/x.yaml', 'bin/x.yaml', '.git/x.yaml', 'packages/x.yaml', 'TestResults/x.yaml', '.vs/x.yaml', '.idea/x.yaml', '.tools/x.yaml']) write(root, p);
    write(root, 'obj/project.assets.json', '{}');
    write(root, 'obj/other.yaml');
    write(root, 'src/obj/project.assets.json', '{}');
    write(root, 'gen/obj/x.yaml');
    write(root, '.gitignore', 'gen/\n*.log.yaml\nsrc/obj/\n');
    // `/top.yaml` is anchored to keep/: keep/sub/top.yaml stays listed.
    write(root, 'keep/.gitignore', 'local.yaml\n/top.yaml\n');
    write(root, 'keep/local.yaml');
    write(root, 'keep/sub/local.yaml');
    write(root, 'keep/top.yaml');
    write(root, 'keep/sub/top.yaml');
    write(root, 'gen/x.yaml');
    write(root, 'lib/obj/other.yaml');
    write(root, 'other/local.yaml');
    write(root, 'x.log.yaml');
    const files = walkRepository(root);
    expect(files.paths).toEqual(['a/A.cs', 'a/Z.cs', 'b.yaml', 'keep/sub/top.yaml', 'obj/project.assets.json', 'other/local.yaml', 'src/obj/project.assets.json']);
    expect(files.notes).toEqual([]);
    expect(files.read('b.yaml')).toBe('x: 1\n');
  });

  it('follows a symlink to a file inside the root, not one outside or to a folder; a broken one is a note', () => {
    const root = join(dir, 'links');
    write(root, 'real/target.yaml', 'kind: A\n');
    write(dir, 'outside.yaml');
    symlinkSync(join(root, 'real/target.yaml'), join(root, 'inside.yaml'));
    symlinkSync(join(dir, 'outside.yaml'), join(root, 'outside.yaml'));
    symlinkSync(join(root, 'real'), join(root, 'folder.yaml'));
    symlinkSync(join(root, 'missing.yaml'), join(root, 'broken.yaml'));
    symlinkSync(join(dir, 'outside.yaml'), join(root, 'outside.txt'));
    const files = walkRepository(root);
    expect(files.paths).toEqual(['inside.yaml', 'real/target.yaml']);
    expect(files.read('inside.yaml')).toBe('kind: A\n');
    expect(files.notes).toStrictEqual([
      { kind: 'unreadable', file: 'broken.yaml', message: 'broken symbolic link', messageEs: 'enlace simbólico roto' },
      { kind: 'symlink-outside', file: 'outside.yaml', message: 'symbolic link points outside the scanned folder; not followed', messageEs: 'el enlace simbólico apunta fuera de la carpeta analizada; no se sigue' },
    ]);
  });

  it('stops at the file limit with one note', () => {
    const root = join(dir, 'limit');
    for (const p of ['a.yaml', 'b.yaml', 'c/d.yaml', 'c/e.yaml']) write(root, p);
    const files = walkRepository(root, { maxFiles: 2 });
    expect(files.paths).toEqual(['a.yaml', 'b.yaml']);
    expect(files.notes).toStrictEqual([{ kind: 'file-limit', message: 'stopped listing after 2 files', messageEs: 'se dejó de listar tras 2 archivos' }]);
    expect(walkRepository(root, { maxFiles: 4 }).notes).toEqual([]);
    // The limit reached inside a folder stops its parent too, with still one note.
    const deep = join(dir, 'limit-nested');
    for (const p of ['c/d.yaml', 'c/e.yaml', 'z.yaml']) write(deep, p);
    const nested = walkRepository(deep, { maxFiles: 1 });
    expect(nested.paths).toEqual(['c/d.yaml']);
    expect(nested.notes.map((n) => n.kind)).toEqual(['file-limit']);
  });

  it('reads each file once: a second read reuses the text or the note, within the cache budget', () => {
    const root = join(dir, 'cache');
    write(root, 'a.yaml', 'aaaa');
    write(root, 'b.yaml', 'bb');
    write(root, 'big.yaml', 'x'.repeat(50));
    const files = walkRepository(root, { maxFileBytes: 10, cacheChars: 5 });
    expect(files.read('a.yaml')).toBe('aaaa');
    write(root, 'a.yaml', 'changed');
    write(root, 'b.yaml', 'BB');
    // a.yaml is cached (4 of 5 characters); b.yaml no longer fits, so it is read from disk each time.
    expect(files.read('a.yaml')).toBe('aaaa');
    expect(files.read('b.yaml')).toBe('BB');
    write(root, 'b.yaml', 'B2');
    expect(files.read('b.yaml')).toBe('B2');
    expect(files.read('big.yaml')).toBeUndefined();
    expect(files.read('big.yaml')).toBeUndefined();
    expect(files.notes.map((n) => `${n.kind}:${n.file}`)).toEqual(['too-large:big.yaml']);
    const exact = walkRepository(root, { cacheChars: 7 });
    expect(exact.read('a.yaml')).toBe('changed');
    write(root, 'a.yaml', 'again');
    expect(exact.read('a.yaml')).toBe('changed');
  });
});

describe('fileReader', () => {
  it('gives text, or a too-large, binary or unreadable note with both languages', () => {
    const root = join(dir, 'reader');
    write(root, 'ok.yaml', 'é:1\n'); // 5 bytes, 4 characters: the limit is in bytes
    write(root, 'limit.yaml', '12345');
    write(root, 'over.yaml', '123456');
    write(root, 'bin.yaml', Buffer.from([0x61, 0x00]));
    const late = Buffer.alloc(9000, 0x61);
    late[8192] = 0;
    write(root, 'late-zero.yaml', late);
    const read = fileReader(root, 5);
    expect(read('ok.yaml')).toStrictEqual({ text: 'é:1\n' });
    expect(read('limit.yaml')).toStrictEqual({ text: '12345' });
    expect(read('over.yaml')).toStrictEqual({ note: { kind: 'too-large', file: 'over.yaml', message: 'skipped: 6 bytes is over the 5-byte limit', messageEs: 'omitido: 6 bytes superan el límite de 5 bytes' } });
    expect(read('bin.yaml')).toStrictEqual({ note: { kind: 'binary', file: 'bin.yaml', message: 'skipped: binary content', messageEs: 'omitido: contenido binario' } });
    expect(read('gone.yaml')).toStrictEqual({ note: { kind: 'unreadable', file: 'gone.yaml', message: 'not readable: ENOENT', messageEs: 'no legible: ENOENT' } });
    // Only the first 8 KiB are looked at for a NUL byte.
    expect(fileReader(root, 1 << 20)('late-zero.yaml').text).toHaveLength(9000);
  });

  it('reads a file larger than its 64 KiB buffer whole, and measures it against the limit', () => {
    const root = join(dir, 'reader-large');
    const text = `${'y'.repeat(64 * 1024)}tail`;
    write(root, 'large.yaml', text);
    write(root, 'exact.yaml', 'z'.repeat(64 * 1024));
    const read = fileReader(root, 1 << 20);
    expect(read('large.yaml').text).toBe(text);
    expect(read('exact.yaml').text).toBe('z'.repeat(64 * 1024));
    expect(read('ok.yaml').note?.kind).toBe('unreadable');
    expect(fileReader(root, 64 * 1024)('large.yaml').note?.message).toBe(`skipped: ${64 * 1024 + 4} bytes is over the ${64 * 1024}-byte limit`);
    expect(fileReader(root, 64 * 1024)('exact.yaml').text).toHaveLength(64 * 1024);
  });
});

describe('memoryRepository', () => {
  it('keeps relevant paths, sorted, and reads from the map', () => {
    const files = memoryRepository(new Map([['z.yaml', 'z'], ['README.md', 'r'], ['a.cs', 'a']]));
    expect(files.paths).toEqual(['a.cs', 'z.yaml']);
    expect(files.read('z.yaml')).toBe('z');
    expect(files.read('nope')).toBeUndefined();
    expect(files.notes).toEqual([]);
  });
});

describe('repositoriesFor', () => {
  it('a folder of git checkouts is one repository per checkout, in name order; otherwise each path is one', () => {
    const org = join(dir, 'org');
    for (const name of ['beta', 'alpha']) mkdirSync(join(org, name, '.git'), { recursive: true });
    mkdirSync(join(org, 'plain'));
    write(org, 'file.txt');
    expect(repositoriesFor(['org'], dir)).toEqual([
      { root: join(org, 'alpha'), name: 'alpha' },
      { root: join(org, 'beta'), name: 'beta' },
    ]);
    // A checkout itself, several paths, or a folder without checkouts: as given.
    expect(repositoriesFor([join(org, 'alpha')], '/')).toEqual([{ root: join(org, 'alpha'), name: 'alpha' }]);
    expect(repositoriesFor(['org/plain', 'org/alpha'], dir)).toEqual([
      { root: join(org, 'plain'), name: 'plain' },
      { root: join(org, 'alpha'), name: 'alpha' },
    ]);
    expect(repositoriesFor(['plain'], org)).toEqual([{ root: join(org, 'plain'), name: 'plain' }]);
    expect(repositoriesFor([], join(org, 'plain'))).toEqual([{ root: join(org, 'plain'), name: '.' }]);
    expect(repositoriesFor([], org).map((r) => r.name)).toEqual(['alpha', 'beta']);
  });
});

describe('withFindings', () => {
  it('adds findings in sorted order without changing the rest', () => {
    const report = { name: 'r', root: '/r', filesScanned: 1, findings: [{ rule: 'secret-literal', severity: 'warning' as const, file: 'b', message: 'm' }], exempted: [], notes: [] };
    const more = withFindings(report, [{ rule: 'drift', severity: 'error', file: 'a', message: 'd' }]);
    expect(more).toStrictEqual({ ...report, findings: [{ rule: 'drift', severity: 'error', file: 'a', message: 'd' }, report.findings[0]] });
    expect(report.findings).toHaveLength(1);
  });
});
