import { describe, expect, it } from 'vitest';
import { lineAtOffset, lineOfText, parseYamlFile, splitPath, yaml } from '../../../src/check/yaml-source.js';

// Lines are what a finding is worth to its reader: these pin the field-path → line mapping and its fallbacks.

const manifest = [
  '# leading comment', // 1
  'apiVersion: batch/v1', // 2
  'kind: Job', // 3
  'metadata:', // 4
  '  name: report', // 5
  '  annotations:', // 6
  '    nginx.ingress.kubernetes.io/x: "1"', // 7
  'spec:', // 8
  '  template:', // 9
  '    spec:', // 10
  '      containers:', // 11
  '        - name: app', // 12
  '          image: app:1.0', // 13
  '        - name: side', // 14
  '          image: side:2.0', // 15
  '---', // 16
  '---', // 17 (an empty document: skipped by both parsers, so the next one keeps its own lines)
  'kind: ConfigMap', // 18
  'data:', // 19
  '  key: value', // 20
  '',
].join('\n');

describe('splitPath', () => {
  it('splits dotted keys, numeric indexes and bracketed keys holding dots and slashes', () => {
    expect(splitPath('spec.containers[0].image')).toEqual(['spec', 'containers', 0, 'image']);
    expect(splitPath('metadata.annotations[nginx.ingress.kubernetes.io/x]')).toEqual(['metadata', 'annotations', 'nginx.ingress.kubernetes.io/x']);
    expect(splitPath('a[12][b1]')).toEqual(['a', 12, 'b1']);
    expect(splitPath('a[]')).toEqual(['a', '']);
    expect(splitPath('a[1x][x1]')).toEqual(['a', '1x', 'x1']);
    expect(splitPath('')).toEqual([]);
  });
});

describe('parseYamlFile', () => {
  it('gives each non-empty document its value, start line and field lines', () => {
    const file = parseYamlFile(manifest);
    expect(file.error).toBeUndefined();
    expect(file.docs.map((d) => d.value)).toEqual([
      { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'report', annotations: { 'nginx.ingress.kubernetes.io/x': '1' } }, spec: { template: { spec: { containers: [{ name: 'app', image: 'app:1.0' }, { name: 'side', image: 'side:2.0' }] } } } },
      { kind: 'ConfigMap', data: { key: 'value' } },
    ]);
    const [job, configMap] = file.docs;
    expect(job!.line).toBe(2);
    expect(configMap!.line).toBe(18);
    expect(job!.lineOf('kind')).toBe(3);
    expect(job!.lineOf('metadata.annotations[nginx.ingress.kubernetes.io/x]')).toBe(7);
    expect(job!.lineOf('spec.template.spec.containers[0]')).toBe(12);
    expect(job!.lineOf('spec.template.spec.containers[1].image')).toBe(15);
    expect(configMap!.lineOf('data.key')).toBe(20);
  });

  it('falls back to the deepest existing parent, and to the start for an unknown first key', () => {
    const [job] = parseYamlFile(manifest).docs;
    expect(job!.lineOf('spec.template.spec.containers[1].resources.limits')).toBe(14);
    expect(job!.lineOf('spec.template.spec.containers[5].image')).toBe(11);
    expect(job!.lineOf('metadata.name.deeper')).toBe(5);
    expect(job!.lineOf('spec.template.spec.containers.name')).toBe(11);
    expect(job!.lineOf('missing')).toBe(2);
    expect(job!.lineOf('')).toBe(2);
  });

  it('reports the first parse error with its line, keeping the documents before it', () => {
    const file = parseYamlFile('a: 1\n---\nb: [\n');
    expect(file.error?.line).toBe(4);
    // The parser's first line only (its message goes on with a source excerpt).
    expect(file.error?.message).toBe('Flow sequence in block collection must be sufficiently indented and end with a ] at line 4, column 1:');
    expect(file.docs.map((d) => d.value)).toEqual([{ a: 1 }]);
    expect(file.docs[0]!.lineOf('a')).toBe(1);
    const second = parseYamlFile('x: 1\ny: {\n  z: [1,\n');
    expect(second.error).toBeDefined();
    expect(second.docs).toEqual([]);
  });

  it('keeps duplicate keys (last wins) instead of refusing the file', () => {
    const file = parseYamlFile('a: 1\na: 2\n');
    expect(file.error).toBeUndefined();
    expect(file.docs[0]!.value).toEqual({ a: 2 });
  });

  it('an empty or comment-only file has no documents', () => {
    expect(parseYamlFile('')).toEqual({ docs: [] });
    expect(parseYamlFile('# nothing\n').docs).toEqual([]);
  });

  it('loads the position library once', () => {
    expect(yaml()).toBe(yaml());
    expect(typeof yaml().parseAllDocuments).toBe('function');
  });
});

describe('lineOfText / lineAtOffset', () => {
  const text = 'one\ntwo\nthree two\n';
  it('gives the 1-based line of the first match, 1 when absent', () => {
    expect(lineOfText(text, 'two')).toBe(2);
    expect(lineOfText(text, /thr+ee/)).toBe(3);
    expect(lineOfText(text, 'one')).toBe(1);
    expect(lineOfText(text, 'four')).toBe(1);
    expect(lineOfText(text, /four/)).toBe(1);
  });
  it('counts newlines strictly before the offset', () => {
    expect(lineAtOffset(text, 0)).toBe(1);
    expect(lineAtOffset(text, 3)).toBe(1);
    expect(lineAtOffset(text, 4)).toBe(2);
    expect(lineAtOffset(text, 8)).toBe(3);
    expect(lineAtOffset(text, 100)).toBe(4);
    expect(lineAtOffset('no newline', 5)).toBe(1);
  });
});
