import { KEY_FORMATS, looksRandom, SECRET_NAME } from '../../util/secrets.js';
import { helmTemplateRoots, isCiFile, type CheckContext } from '../context.js';
import { say } from '../messages.js';
import type { Bilingual } from '../../policy/rules.js';

/** Files where a key is typed by hand: YAML (manifests, Helm values, CI), shell scripts, CI files, appsettings. */
export function isSecretCandidate(path: string): boolean {
  return /\.(ya?ml|sh|bash|ps1)$/i.test(path) || /(^|\/)appsettings[^/]*\.json$/i.test(path) || isCiFile(path);
}

/** `--set agent.key=…`, `--set-string x.password=…` on a command line. */
const HELM_SET = /--set(?:-string)?[=\s]+["']?([A-Za-z0-9_.\-[\]]+)=([^\s"'\\]*)/g;
/** Setting names for a key even when bare (`agent.key`, `downloadKey`). */
const KEY_NAME = /(^|[._-])key$|Key$/;
/** A setting whose value names a Secret instead of holding one (`keysSecret: instana-agent`). */
const NAMES_A_SECRET = /(secret|secretName|secretRef|existingSecret|keyRef|keyName|secretKeyRef)$/i;

/** Values that point somewhere else: variables, template expressions, placeholders, file references. */
function isReference(value: string): boolean {
  return value === '' || /^(\$|%|#\{|\{\{|<.*>$|\*+$|file:|vault:|env:|secret:|true$|false$|null$|~$)/i.test(value) || /\$\{\{|\$\(|\$\{/.test(value);
}

const unquote = (v: string) => v.trim().replace(/^["']|["'],?$/g, '').replace(/["'],?$/, '');

/**
 * Key-like literals: a key-named setting (`--set agent.key=…`, `password: …`, `"ApiKey": "…"`) with a literal value,
 * or any value in a well-known key format. The report names file and line, and never the value.
 */
export function checkSecrets(ctx: CheckContext): void {
  const helmRoots = helmTemplateRoots(ctx.files.paths);
  for (const path of ctx.files.paths) {
    if (!isSecretCandidate(path) || helmRoots.some((r) => path.startsWith(r))) continue;
    if (ctx.files.prepared) {
      // A worker thread scanned the file: only its read note (if any) is reported here, in order.
      for (const { line, message } of ctx.files.prepared.take(path)?.secrets ?? []) ctx.report('secret-literal', path, line, message);
      continue;
    }
    const text = ctx.files.read(path);
    if (text === undefined) continue;
    for (const { line, message } of secretLines(text)) ctx.report('secret-literal', path, line, message);
  }
}

/**
 * What a line must contain for `secretInLine` to flag it: `--set`, a secret-like setting name (every word
 * `SECRET_NAME` and `KEY_NAME` end in), the start of a well-known key format, or a run of 20 or more token
 * characters with a digit in it (a random-looking value is one such run). Only lines with a match are checked, so
 * most lines of a manifest are never split out or run through the per-line expressions.
 */
const CANDIDATE_WORD = /--set|pass|pwd|secret|token|key|connection|credential|-----BEGIN|AKIA|gh[pousr]_|xox[abprs]-|eyJ/gi;
/** Token characters (`[A-Za-z0-9+/_=-]`) by char code; digits are 2, the others 1. */
const TOKEN = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+/_=-') TOKEN[c.charCodeAt(0)] = 1;
for (const c of '0123456789') TOKEN[c.charCodeAt(0)] = 2;

/**
 * Offsets of the whole runs of 20 or more token characters that hold a digit. One pass over the text: the regular
 * expression `[A-Za-z0-9+/_=-]{20,}` cost more (it retries at every character of every shorter word) and made a
 * string of every run.
 */
function longRunsWithDigit(text: string): number[] {
  const found: number[] = [];
  let start = -1;
  let digit = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    const kind = c < 128 ? TOKEN[c]! : 0;
    if (kind !== 0) {
      if (start < 0) {
        start = i;
        digit = false;
      }
      if (kind === 2) digit = true;
    } else if (start >= 0) {
      if (digit && i - start >= 20) found.push(start);
      start = -1;
    }
  }
  return found;
}

/** The lines (1-based, split on `\n` as `secretInLine` expects) that hold a key-like literal, with the message. */
export function secretLines(text: string): { line: number; message: Bilingual }[] {
  const starts: number[] = [];
  const lineStart = (index: number) => text.lastIndexOf('\n', index) + 1;
  for (const m of text.matchAll(CANDIDATE_WORD)) starts.push(lineStart(m.index));
  for (const at of longRunsWithDigit(text)) starts.push(lineStart(at));
  if (starts.length === 0) return [];
  starts.sort((x, y) => x - y);
  const out: { line: number; message: Bilingual }[] = [];
  let line = 1;
  let counted = 0;
  let previous = -1;
  for (const start of starts) {
    if (start === previous) continue;
    previous = start;
    for (let i = text.indexOf('\n', counted); i !== -1 && i < start; i = text.indexOf('\n', i + 1)) line++;
    counted = start;
    const end = text.indexOf('\n', start);
    const message = secretInLine(text.slice(start, end === -1 ? text.length : end));
    if (message !== undefined) out.push({ line, message });
  }
  return out;
}

/** Why one line (without its `\n`) holds a key-like literal, or `undefined`. The value itself is never in the message. */
export function secretInLine(raw: string): Bilingual | undefined {
  if (raw.length > 4000) return undefined;
  for (const m of raw.matchAll(HELM_SET)) {
    const [, name, value] = m;
    const last = name!.split('.').pop()!;
    if ((SECRET_NAME.test(last) || KEY_NAME.test(last)) && !NAMES_A_SECRET.test(last) && !isReference(value!)) {
      return say((m) => m.secretOnCommandLine(name!, value!.length));
    }
  }
  if (KEY_FORMATS.some((re) => re.test(raw))) return say((m) => m.secretKeyFormat);
  const pair = /^\s*(?:-\s+|export\s+|set\s+|\$env:)?["']?([A-Za-z0-9_.-]+)["']?\s*[:=]\s*(.+?)\s*$/.exec(raw);
  if (!pair || raw.trimStart().startsWith('#')) return undefined;
  const name = pair[1]!;
  const value = unquote(pair[2]!.replace(/\s+#.*$/, ''));
  if (isReference(value) || value.includes(' ') || /^[|>][-+]?$/.test(value) || NAMES_A_SECRET.test(name)) return undefined;
  // A bare `key:` is also a secretKeyRef's key name (`key: db-password-2`): only a random-looking value counts.
  const named = /^key$/i.test(name) ? looksRandom(value) : SECRET_NAME.test(name) || KEY_NAME.test(name);
  if (named && value.length >= 8 && /[0-9]/.test(value) && /[A-Za-z]/.test(value)) {
    return say((m) => m.secretLiteral(name, value.length));
  }
  if (looksRandom(value) && !/^[0-9a-f]+$/i.test(value) && (SECRET_NAME.test(name) || KEY_NAME.test(name) || /^[A-Za-z0-9+/]{32,}={0,2}$/.test(value))) {
    return say((m) => m.secretRandom(name, value.length));
  }
  return undefined;
}
