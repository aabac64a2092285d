import { describe, expect, it } from 'vitest';
import { checkMemory } from '../../../src/check/run.js';
import { secretInLine, secretLines } from '../../../src/check/rules/secrets.js';
import { fakeToken as fake } from '../../support/fake-key.js';

const en = (line: string) => secretInLine(line)?.en;

describe('check: secret-literal, one line', () => {
  const key = fake(30);

  it('a key-named Helm setting with a literal value names the setting and the length, in both languages', () => {
    expect(secretInLine(`helm upgrade a b --set-string db.password=${key}`)).toEqual({
      en: 'db.password is given a literal value on the command line (30 characters, not shown): create a Secret and pass its name (agent.keysSecret)',
      es: 'db.password recibe un valor literal en la línea de órdenes (30 caracteres, no se muestran): crea un Secret y pasa su nombre (agent.keysSecret)',
    });
    expect(en(`--set agent.key=abc`)).toBe('agent.key is given a literal value on the command line (3 characters, not shown): create a Secret and pass its name (agent.keysSecret)');
    expect(en(`--set=x.downloadKey=a1`)).toContain('x.downloadKey is given a literal value');
    expect(en(`--set x.apikey=${key}`)).toContain('x.apikey is given a literal value');
  });

  it('a Helm setting that names a Secret, holds a reference or is not key-named is not a finding', () => {
    for (const line of ['--set agent.keysSecret=instana-agent', '--set agent.key=$AGENT_KEY', '--set agent.key=', '--set agent.key={{ .Values.k }}', '--set agent.key=${{ secrets.K }}', '--set image.tag=1.2.3', '--set a.monkey=x1']) {
      expect(en(line), line).toBeUndefined();
    }
  });

  it('a well-known key format is a finding whatever the setting is called', () => {
    expect(secretInLine(`image: AKIA${fake(16).toUpperCase()}`)).toEqual({ en: 'a value in a well-known key format (not shown)', es: 'un valor con el formato de una clave conocida (no se muestra)' });
  });

  it('a key-named setting needs 8 or more characters with a letter and a digit', () => {
    expect(secretInLine('password: abcd1234')).toEqual({
      en: 'password holds a literal key-like value (8 characters, not shown)',
      es: 'password contiene un valor literal con aspecto de clave (8 caracteres, no se muestran)',
    });
    expect(en('password: abc1234')).toBeUndefined();
    expect(en('password: abcdefgh')).toBeUndefined();
    expect(en('password: 12345678')).toBeUndefined();
    expect(en('  - "db_token" = "abcd1234", # old')).toBe('db_token holds a literal key-like value (8 characters, not shown)');
    expect(en('export API_KEY=abcd1234')).toBe('API_KEY holds a literal key-like value (8 characters, not shown)');
    expect(en('$env:downloadKey = abcd1234')).toBe('downloadKey holds a literal key-like value (8 characters, not shown)');
    expect(en('set agent_key=abcd1234')).toBe('agent_key holds a literal key-like value (8 characters, not shown)');
  });

  it('comments, placeholders, values with spaces, block scalars and Secret names are not findings', () => {
    for (const line of ['# password: abcd1234', '  # password: abcd1234', 'password: <set-me>', 'password: ***', 'password: two words1', 'password: |', 'password: >-', 'secretName: abcd1234', 'password: $(cat x)', 'password: ${PASS}', 'token: file:/run/x1234567', 'password: true', 'password:']) {
      expect(en(line), line).toBeUndefined();
    }
  });

  it('a bare `key:` counts only with a random-looking value (a secretKeyRef key name is not one)', () => {
    expect(en('key: db-password-2')).toBeUndefined();
    expect(en(`key: ${key}`)).toBe('key holds a literal key-like value (30 characters, not shown)');
  });

  it('a random-looking token under a key-ish name or in base64 shape is reported as random; hex digests are not', () => {
    expect(secretInLine(`name: ${fake(32)}`)).toEqual({
      en: 'name holds a random-looking token (32 characters, not shown)',
      es: 'name contiene un token de aspecto aleatorio (32 caracteres, no se muestran)',
    });
    expect(en(`name: ${fake(31)}`)).toBeUndefined();
    expect(en(`name: ${fake(32)}==`)).toBe('name holds a random-looking token (34 characters, not shown)');
    expect(en(`name: ${fake(32)}===`)).toBeUndefined();
    expect(en(`sha: ${'0123456789abcdef'.repeat(3)}`)).toBeUndefined();
    expect(en(`mytoken: ${'0123456789abcdef'.repeat(3)}`)).toBe('mytoken holds a literal key-like value (48 characters, not shown)');
  });

  it('a reference marker only counts at the start (or as the whole value); quotes only at the ends', () => {
    for (const value of ['ab%cd1234', '<ab>cd1234', 'ab<cd>1234', '**ab1234', 'trueab12', 'falseab12', 'nullab12', 'ab~cd1234', 'ab$cd1234']) {
      expect(en(`password: ${value}`), value).toBe(`password holds a literal key-like value (${value.length} characters, not shown)`);
    }
    expect(en(`password: ab'cd1234`)).toBe('password holds a literal key-like value (9 characters, not shown)');
    expect(en(`password: "ab,cd1234"`)).toBe('password holds a literal key-like value (9 characters, not shown)');
    expect(en('password: abcd1234#x')).toBe('password holds a literal key-like value (10 characters, not shown)');
    for (const value of ['~', 'null', 'false', 'vault:kv/x1', 'env:PASS_1', 'secret:db1', '#{Pass1}', '%PASS1%', '{{ .Values.p1 }}']) {
      expect(en(`password: ${value}`), value).toBeUndefined();
    }
  });

  it('a prefix is allowed only with the separator that belongs to it', () => {
    expect(en('-   password: abcd1234')).toBe('password holds a literal key-like value (8 characters, not shown)');
    expect(en('export   API_KEY=abcd1234')).toBe('API_KEY holds a literal key-like value (8 characters, not shown)');
    expect(en('set   agent_key=abcd1234')).toBe('agent_key holds a literal key-like value (8 characters, not shown)');
    expect(en('exportpassword=abcd1234')).toBe('exportpassword holds a literal key-like value (8 characters, not shown)');
    expect(en('x password: abcd1234')).toBeUndefined();
    expect(en('password: |-')).toBeUndefined();
    expect(en('password: >+')).toBeUndefined();
    expect(en('password: |abcd1234')).toBe('password holds a literal key-like value (9 characters, not shown)');
  });

  it('lines longer than 4000 characters are not looked at', () => {
    const line = (n: number) => `password: abcd1234 #${'x'.repeat(n - 20)}`;
    expect(line(4000)).toHaveLength(4000);
    expect(en(line(4000))).toBe('password holds a literal key-like value (8 characters, not shown)');
    expect(en(line(4001))).toBeUndefined();
  });
});

describe('check: secret-literal, files', () => {
  it('scripts, CI files and appsettings are read; other JSON and Helm templates are not; the line is exact', async () => {
    const key = fake(30);
    const report = await checkMemory(new Map([
      ['ops/run.bash', `#!/bin/bash\n\nexport TOKEN=${key}\n`],
      ['ops/run.PS1', `$env:ApiKey = "${key}"\n`],
      ['Jenkinsfile', `pipeline {\n  sh 'helm upgrade a b --set agent.key=${key}'\n}\n`],
      ['src/App/APPSETTINGS.json', `{\n  "ConnectionString": "${key}"\n}\n`],
      ['appsettings.json', `{\n  "Token": "${key}"\n}\n`],
      ['src/myappsettings.json', `{\n  "Token": "${key}"\n}\n`],
      ['src/appsettings.json.bak', `{\n  "Token": "${key}"\n}\n`],
      ['ops/run.sh.txt', `TOKEN=${key}\n`],
      ['deploy/values.yml', `token: ${key}\n`],
      ['src/App/config.json', `{\n  "Password": "${key}"\n}\n`],
      ['src/App/appsettings/extra.json', `{\n  "Password": "${key}"\n}\n`],
      ['chart/Chart.yaml', 'apiVersion: v2\nname: c\nversion: 1.0.0\n'],
      ['chart/templates/s.yaml', `password: ${key}\n`],
    ]));
    expect(report.findings.filter((f) => f.rule === 'secret-literal').map((f) => ({ file: f.file, line: f.line, column: f.column, severity: f.severity, en: f.message }))).toEqual([
      { file: 'appsettings.json', line: 2, column: undefined, severity: 'error', en: 'Token holds a literal key-like value (30 characters, not shown)' },
      { file: 'deploy/values.yml', line: 1, column: undefined, severity: 'error', en: 'token holds a literal key-like value (30 characters, not shown)' },
      { file: 'Jenkinsfile', line: 2, column: undefined, severity: 'error', en: 'agent.key is given a literal value on the command line (30 characters, not shown): create a Secret and pass its name (agent.keysSecret)' },
      { file: 'ops/run.bash', line: 3, column: undefined, severity: 'error', en: 'TOKEN holds a literal key-like value (30 characters, not shown)' },
      { file: 'ops/run.PS1', line: 1, column: undefined, severity: 'error', en: 'ApiKey holds a literal key-like value (30 characters, not shown)' },
      { file: 'src/App/APPSETTINGS.json', line: 2, column: undefined, severity: 'error', en: 'ConnectionString holds a literal key-like value (30 characters, not shown)' },
    ]);
  });

  it('a run of 20+ token characters with a digit selects its line even without a key word', () => {
    const token = fake(40);
    expect(secretLines(`a: 1\nname: ${token}\n`).map((f) => f.line)).toEqual([2]);
    // 19 characters with a digit, or 20+ without one, select nothing (and hold nothing).
    expect(secretLines(`name: ${fake(19)}\nother: ${'abcdefghij'.repeat(4)}\n`)).toEqual([]);
  });
});
