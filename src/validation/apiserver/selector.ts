/**
 * `metav1.LabelSelector` handling needed by the Job selector rules: `ValidateLabelSelector` and matching a
 * selector against a label set (`LabelSelectorAsSelector(...).Matches`).
 */
import { asArr, asObj, asStr, child, index, type Issue } from './internal.js';
import { labelValueProblems, qualifiedNameProblems, validateLabels } from './names.js';

/** A label whose value exists but cannot be known from the manifest (e.g. the Job's UID). */
export const UNKNOWN_VALUE: unique symbol = Symbol('unknown label value');
export type LabelSet = ReadonlyMap<string, string | typeof UNKNOWN_VALUE>;

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** `unversionedvalidation.ValidateLabelSelector` (with invalid label values in selectors not allowed). */
export function validateLabelSelector(selector: unknown, path: string, rule: string): Issue[] {
  const sel = asObj(selector);
  if (!sel) return [];
  const issues: Issue[] = [];
  const expressions = asArr(sel['matchExpressions']) ?? [];
  expressions.forEach((raw, i) => {
    const expr = asObj(raw);
    const exprPath = index(child(path, 'matchExpressions'), i);
    if (!expr) return;
    const operator = asStr(expr['operator']) ?? '';
    const values = asArr(expr['values']) ?? [];
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0) {
        issues.push({ path: child(exprPath, 'values'), rule, message: "Required value: must be specified when `operator` is 'In' or 'NotIn'" });
      }
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length > 0) {
        issues.push({ path: child(exprPath, 'values'), rule, message: "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'" });
      }
    } else {
      issues.push({ path: child(exprPath, 'operator'), rule, message: `Invalid value: ${JSON.stringify(operator)}: not a valid selector operator` });
    }
    const key = asStr(expr['key']) ?? '';
    for (const p of qualifiedNameProblems(key)) issues.push({ path: child(exprPath, 'key'), rule, message: p });
    values.forEach((v, j) => {
      if (typeof v !== 'string') return;
      for (const p of labelValueProblems(v)) issues.push({ path: index(child(exprPath, 'values'), j), rule, message: p });
    });
  });
  issues.push(...validateLabels(sel['matchLabels'], child(path, 'matchLabels'), rule));
  return issues;
}

/** Whether the selector is syntactically usable (`LabelSelectorAsSelector` returns no error). */
export function isUsableSelector(selector: unknown): boolean {
  const sel = asObj(selector);
  if (!sel) return false;
  return (asArr(sel['matchExpressions']) ?? []).every((raw) => {
    const expr = asObj(raw);
    const operator = asStr(expr?.['operator']);
    const values = asArr(expr?.['values']) ?? [];
    if (!operator || !OPERATORS.includes(operator)) return false;
    return operator === 'In' || operator === 'NotIn' ? values.length > 0 : values.length === 0;
  });
}

/**
 * `selector.Matches(labels)`. An empty selector matches everything. A requirement on a label whose value is
 * `UNKNOWN_VALUE` is judged as the apiserver would see it in practice: the value exists but equals nothing the
 * user could have written.
 */
export function selectorMatches(selector: unknown, labels: LabelSet): boolean {
  const sel = asObj(selector);
  if (!sel) return false;
  for (const [key, want] of Object.entries(asObj(sel['matchLabels']) ?? {})) {
    const have = labels.get(key);
    if (have === undefined || have === UNKNOWN_VALUE || have !== want) return false;
  }
  for (const raw of asArr(sel['matchExpressions']) ?? []) {
    const expr = asObj(raw);
    const key = asStr(expr?.['key']) ?? '';
    const values = (asArr(expr?.['values']) ?? []).filter((v): v is string => typeof v === 'string');
    const have = labels.get(key);
    switch (asStr(expr?.['operator'])) {
      case 'In':
        if (have === undefined || have === UNKNOWN_VALUE || !values.includes(have)) return false;
        break;
      case 'NotIn':
        if (have !== undefined && have !== UNKNOWN_VALUE && values.includes(have)) return false;
        break;
      case 'Exists':
        if (have === undefined) return false;
        break;
      case 'DoesNotExist':
        if (have !== undefined) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** The template's labels as a label set (string values only). */
export function labelSet(labels: unknown): Map<string, string | typeof UNKNOWN_VALUE> {
  const out = new Map<string, string | typeof UNKNOWN_VALUE>();
  for (const [k, v] of Object.entries(asObj(labels) ?? {})) if (typeof v === 'string') out.set(k, v);
  return out;
}
