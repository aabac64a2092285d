/**
 * Name rules, with cases ported from Kubernetes apimachinery pkg/util/validation/validation_test.go
 * (`TestIsDNS1123Label`, `TestIsDNS1123Subdomain`, `TestIsQualifiedName`, `TestIsValidLabelValue`) and
 * pkg/api/validation/objectmeta_test.go (`TestValidateObjectMetaTrimsTrailingSlash`-style generateName cases).
 * Messages are asserted exactly: they are what `kubectl apply` prints.
 */
import { describe, expect, it } from 'vitest';
import {
  cronJobNameProblem,
  dns1123LabelProblems,
  dns1123SubdomainProblems,
  effectiveName,
  jobNameProblem,
  labelValueProblems,
  qualifiedNameProblems,
  validateLabels,
  validateObjectMetaNames,
} from '../../../src/validation/apiserver/names.js';

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')";
const QUALIFIED_MSG =
  "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

describe('dns1123LabelProblems (TestIsDNS1123Label)', () => {
  it.each(['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', 'a'.repeat(63)])('accepts %j', (v) => {
    expect(dns1123LabelProblems(v)).toEqual([]);
  });
  it.each(['', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '.', 'a.', '.a', 'a.b', ' ', 'a ', ' a', 'a b'])(
    'rejects %j with the format message only',
    (v) => {
      expect(dns1123LabelProblems(v)).toEqual([LABEL_MSG]);
    },
  );
  it('64 characters: only the length message (the format is fine)', () => {
    expect(dns1123LabelProblems('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });
});

describe('dns1123SubdomainProblems (TestIsDNS1123Subdomain)', () => {
  it.each(['a', 'ab', 'a.b', 'a--1--2--b', '1.a', 'a.1', '0.0', '11.22.33', 'a.b.c.d.e', 'a'.repeat(253), `${'a'.repeat(63)}.${'b'.repeat(63)}`])('accepts %j', (v) => {
    expect(dns1123SubdomainProblems(v)).toEqual([]);
  });
  it.each(['', 'A', 'a.B', 'a-', '-a', 'a.-b', 'a..b', '.a', 'a.', 'a_b', 'a b'])('rejects %j', (v) => {
    expect(dns1123SubdomainProblems(v)).toEqual([SUBDOMAIN_MSG]);
  });
  it('254 characters: only the length message', () => {
    expect(dns1123SubdomainProblems('a'.repeat(254))).toEqual(['must be no more than 253 characters']);
  });
  it('254 characters and a bad format: both messages, length first', () => {
    expect(dns1123SubdomainProblems(`${'a'.repeat(253)}-`)).toEqual(['must be no more than 253 characters', SUBDOMAIN_MSG]);
  });
});

describe('qualifiedNameProblems (TestIsQualifiedName)', () => {
  it.each([
    'simple',
    'now-with-dashes',
    '1-starts-with-num',
    '1234',
    'simple/simple',
    'now-with-dashes/simple',
    'now-with-dashes/now-with-dashes',
    'now.with.dots/simple',
    'now-with.dashes-and.dots/simple',
    '1-num.2-num/3-num',
    '1234/5678',
    '1.2.3.4/5678',
    'Uppercase_Is_OK_123',
    'example.com/Uppercase_Is_OK_123',
    'requests.storage-foo',
    'a'.repeat(63),
    `${'a'.repeat(253)}/${'b'.repeat(63)}`,
  ])('accepts %j', (v) => {
    expect(qualifiedNameProblems(v)).toEqual([]);
  });

  it.each([
    ['nospecialchars%^=@', [NAME_PART_MSG]],
    ['cantendwithadash-', [NAME_PART_MSG]],
    ['-cantstartwithadash-', [NAME_PART_MSG]],
    ['only/one/slash', [QUALIFIED_MSG]],
    ['Example.com/abc', [`prefix part ${SUBDOMAIN_MSG}`]],
    ['example_com/abc', [`prefix part ${SUBDOMAIN_MSG}`]],
    ['example.com/', ['name part must be non-empty']],
    ['/simple', ['prefix part must be non-empty']],
    ['', ['name part must be non-empty']],
    ['a'.repeat(64), ['name part must be no more than 63 characters']],
    [`${'a'.repeat(254)}/abc`, ['prefix part must be no more than 253 characters']],
    [`${'a'.repeat(64)}-`, ['name part must be no more than 63 characters', NAME_PART_MSG]],
    ['/', ['prefix part must be non-empty', 'name part must be non-empty']],
  ] as const)('rejects %j', (v, want) => {
    expect(qualifiedNameProblems(v)).toEqual(want);
  });
});

describe('labelValueProblems (TestIsValidLabelValue)', () => {
  it.each(['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', 'a'.repeat(63), ''])('accepts %j', (v) => {
    expect(labelValueProblems(v)).toEqual([]);
  });
  it.each(['nospecialchars%^=@', 'Tama-nui-te-rā.is_the_best', '\\backslashes\\are\\bad', '-starts-with-dash', 'ends-with-dash-', '.starts.with.dot', 'ends.with.dot.'])(
    'rejects %j',
    (v) => {
      expect(labelValueProblems(v)).toEqual([LABEL_VALUE_MSG]);
    },
  );
  it('64 characters: only the length message', () => {
    expect(labelValueProblems('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });
});

describe('cronJobNameProblem / jobNameProblem', () => {
  it('empty names are required', () => {
    expect(cronJobNameProblem('')).toBe('name is required');
    expect(jobNameProblem('')).toBe('name is required');
  });
  it('52 characters is the CronJob limit, 63 the Job limit', () => {
    expect(cronJobNameProblem('a'.repeat(52))).toBeUndefined();
    expect(cronJobNameProblem('a'.repeat(53))).toBe('must be no more than 52 characters');
    expect(jobNameProblem('a'.repeat(63))).toBeUndefined();
    expect(jobNameProblem('a'.repeat(64))).toBe('must be no more than 63 characters');
  });
  it('the subdomain message comes first', () => {
    expect(cronJobNameProblem('Nightly')).toBe(SUBDOMAIN_MSG);
    expect(jobNameProblem('Nightly')).toBe(SUBDOMAIN_MSG);
    // A dotted Job name is a valid subdomain and a valid label value.
    expect(jobNameProblem('a.b')).toBeUndefined();
  });
});

describe('effectiveName', () => {
  it('prefers metadata.name', () => {
    expect(effectiveName({ name: 'job', generateName: 'gen-' })).toBe('job');
  });
  it('an empty name falls back to generateName plus the 5 generated characters', () => {
    expect(effectiveName({ name: '', generateName: 'gen-' })).toBe('gen-xxxxx');
  });
  it('keeps at most 58 characters of generateName', () => {
    expect(effectiveName({ generateName: 'g'.repeat(70) })).toBe(`${'g'.repeat(58)}xxxxx`);
  });
  it('no name at all', () => {
    expect(effectiveName({})).toBeUndefined();
    expect(effectiveName({ generateName: '' })).toBeUndefined();
    expect(effectiveName(undefined)).toBeUndefined();
    expect(effectiveName('job')).toBeUndefined();
  });
});

describe('validateObjectMetaNames (ValidateObjectMeta)', () => {
  it('a valid name and namespace', () => {
    expect(validateObjectMetaNames({ name: 'a.b', namespace: 'team-a' })).toEqual([]);
  });
  it('neither name nor generateName', () => {
    expect(validateObjectMetaNames({})).toEqual([{ path: 'metadata.name', rule: 'metadata-name-required', message: 'name or generateName is required' }]);
    expect(validateObjectMetaNames(undefined, 'spec.template.metadata')).toEqual([
      { path: 'spec.template.metadata.name', rule: 'metadata-name-required', message: 'name or generateName is required' },
    ]);
  });
  it('a bad name quotes the value', () => {
    expect(validateObjectMetaNames({ name: 'Bad_Name' })).toEqual([
      { path: 'metadata.name', rule: 'metadata-name', message: `Invalid value: "Bad_Name": ${SUBDOMAIN_MSG}` },
    ]);
  });
  it.each([
    // maskTrailingDash: a trailing dash is allowed (characters are appended), quirk included (it drops two).
    ['gen-', 0],
    ['ab-', 0],
    ['a.-', 0],
    ['-', 1],
    ['Ab', 1],
    ['a-b.-x-', 1],
    ['gen', 0],
  ] as const)('generateName %j: %i issue(s)', (generateName, count) => {
    expect(validateObjectMetaNames({ generateName })).toEqual(
      Array.from({ length: count }, () => ({ path: 'metadata.generateName', rule: 'metadata-generate-name', message: SUBDOMAIN_MSG })),
    );
  });
  it('generateName and a bad name report both', () => {
    expect(validateObjectMetaNames({ generateName: 'Gen', name: 'x_' }).map((i) => i.path)).toEqual(['metadata.generateName', 'metadata.name']);
  });
  it('a namespace must be a DNS label (no dots); empty means the context namespace', () => {
    expect(validateObjectMetaNames({ name: 'a', namespace: 'a.b' })).toEqual([{ path: 'metadata.namespace', rule: 'metadata-namespace', message: LABEL_MSG }]);
    expect(validateObjectMetaNames({ name: 'a', namespace: '' })).toEqual([]);
    expect(validateObjectMetaNames({ name: 'a', namespace: 7 })).toEqual([]);
  });
  it('labels are checked under metadata.labels', () => {
    expect(validateObjectMetaNames({ name: 'a', labels: { 'b@d': 'ok', good: '-bad' } })).toEqual([
      { path: 'metadata.labels', rule: 'metadata-labels', message: `Invalid value: "b@d": ${NAME_PART_MSG}` },
      { path: 'metadata.labels', rule: 'metadata-labels', message: `Invalid value: "-bad": ${LABEL_VALUE_MSG}` },
    ]);
  });
});

describe('validateLabels (ValidateLabels)', () => {
  it('not a mapping: nothing to check', () => {
    expect(validateLabels(['a'], 'p', 'r')).toEqual([]);
    expect(validateLabels(undefined, 'p', 'r')).toEqual([]);
  });
  it('non-string values are the schema validator’s business', () => {
    expect(validateLabels({ a: 1, b: null }, 'p', 'r')).toEqual([]);
  });
  it('key and value problems, in order, on the map path', () => {
    expect(validateLabels({ 'x/y/z': 'v', k: 'a'.repeat(64) }, 'spec.selector.matchLabels', 'job-selector')).toEqual([
      { path: 'spec.selector.matchLabels', rule: 'job-selector', message: `Invalid value: "x/y/z": ${QUALIFIED_MSG}` },
      { path: 'spec.selector.matchLabels', rule: 'job-selector', message: `Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters` },
    ]);
  });
});

/**
 * apimachinery's own tables, copied whole from pkg/util/validation/validation_test.go: upstream checks only valid
 * versus invalid, so these do too (the cases above pin the messages).
 */
describe('upstream tables, case for case', () => {
  const badNameChars = ['_', 'a_', '_a', 'a_b', '1_', '_1', '1_2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2'];
  const upstream = {
    dns1123Label: {
      check: dns1123LabelProblems,
      good: ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', 'a'.repeat(63)],
      bad: ['', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', ...badNameChars, '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2', 'a'.repeat(64)],
    },
    dns1123Subdomain: {
      check: dns1123SubdomainProblems,
      good: [
        'a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2',
        'a.a', 'ab.a', 'abc.a', 'a1.a', 'a-1.a', 'a--1--2--b.a', 'a.1', 'ab.1', 'abc.1', 'a1.1', 'a-1.1', 'a--1--2--b.1',
        '0.a', '01.a', '012.a', '1a.a', '1-a.a', '1--a--b--2', '0.1', '01.1', '012.1', '1a.1', '1-a.1', '1--a--b--2.1',
        'a.b.c.d.e', 'aa.bb.cc.dd.ee', '1.2.3.4.5', '11.22.33.44.55', 'a'.repeat(253),
      ],
      bad: [
        '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', ...badNameChars, '.', 'a.', '.a', 'a..b', '1.', '.1', '1..2',
        'A.a', 'aB.a', 'ab.A', 'A1.a', 'a1.A', 'A.1', 'aB.1', 'A1.1', '1A.1', '0.A', '01.A', '012.A', '1A.a', '1a.A',
        'A.B.C.D.E', 'AA.BB.CC.DD.EE', 'a.B.c.d.e', 'aa.bB.cc.dd.ee', 'a@b', 'a,b', 'a_b', 'a;b', 'a:b', 'a%b', 'a?b', 'a$b', 'a'.repeat(254),
      ],
    },
    qualifiedName: {
      check: qualifiedNameProblems,
      good: [
        'simple', 'now-with-dashes', '1-starts-with-num', '1234', 'simple/simple', 'now-with-dashes/simple', 'now-with-dashes/now-with-dashes',
        'now.with.dots/simple', 'now-with.dashes-and.dots/simple', '1-num.2-num/3-num', '1234/5678', '1.2.3.4/5678', 'Uppercase_Is_OK_123',
        'example.com/Uppercase_Is_OK_123', 'requests.storage-foo', 'a'.repeat(63), `${'a'.repeat(253)}/${'b'.repeat(63)}`,
      ],
      bad: ['nospecialchars%^=@', 'cantendwithadash-', '-cantstartwithadash-', 'only/one/slash', 'Example.com/abc', 'example_com/abc', 'example.com/', '/simple', 'a'.repeat(64), `${'a'.repeat(254)}/abc`],
    },
    labelValue: {
      check: labelValueProblems,
      good: ['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', 'a'.repeat(63), ''],
      bad: ['nospecialchars%^=@', 'Tama-nui-te-rā.is.Māori.sun', '\\backslashes\\are\\bad', '-starts-with-dash', 'ends-with-dash-', '.starts.with.dot', 'ends.with.dot.', 'a'.repeat(64)],
    },
  } as const;
  for (const [name, t] of Object.entries(upstream)) {
    it(`${name}: every upstream good value passes and every bad value fails`, () => {
      expect(t.good.filter((v) => t.check(v).length > 0)).toEqual([]);
      expect(t.bad.filter((v) => t.check(v).length === 0)).toEqual([]);
    });
  }
});
