import { KEY_FORMATS, looksRandom, SECRET_NAME } from '../../util/secrets.js';
import { helmTemplateRoots, isCiFile, type CheckContext } from '../context.js';

/** Files where a key is typed by hand: YAML (manifests, Helm values, CI), shell scripts, CI files, appsettings. */
function isSecretCandidate(path: string): boolean {
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
    const text = ctx.files.read(path);
    if (text === undefined) continue;
    const lines = text.split('\n');
    lines.forEach((raw, i) => {
      const line = i + 1;
      if (raw.length > 4000) return;
      for (const m of raw.matchAll(HELM_SET)) {
        const [, name, value] = m;
        const last = name!.split('.').pop()!;
        if ((SECRET_NAME.test(last) || KEY_NAME.test(last)) && !NAMES_A_SECRET.test(last) && !isReference(value!)) {
          ctx.report('secret-literal', path, line, `${name} is given a literal value on the command line (${value!.length} characters, not shown): create a Secret and pass its name (agent.keysSecret)`);
          return;
        }
      }
      if (KEY_FORMATS.some((re) => re.test(raw))) {
        ctx.report('secret-literal', path, line, 'a value in a well-known key format (not shown)');
        return;
      }
      const pair = /^\s*(?:-\s+|export\s+|set\s+|\$env:)?["']?([A-Za-z0-9_.-]+)["']?\s*[:=]\s*(.+?)\s*$/.exec(raw);
      if (!pair || raw.trimStart().startsWith('#')) return;
      const name = pair[1]!;
      const value = unquote(pair[2]!.replace(/\s+#.*$/, ''));
      if (isReference(value) || value.includes(' ') || /^[|>][-+]?$/.test(value) || NAMES_A_SECRET.test(name)) return;
      // A bare `key:` is also a secretKeyRef's key name (`key: db-password-2`): only a random-looking value counts.
      const named = /^key$/i.test(name) ? looksRandom(value) : SECRET_NAME.test(name) || KEY_NAME.test(name);
      if (named && value.length >= 8 && /[0-9]/.test(value) && /[A-Za-z]/.test(value)) {
        ctx.report('secret-literal', path, line, `${name} holds a literal key-like value (${value.length} characters, not shown)`);
      } else if (looksRandom(value) && !/^[0-9a-f]+$/i.test(value) && (SECRET_NAME.test(name) || KEY_NAME.test(name) || /^[A-Za-z0-9+/]{32,}={0,2}$/.test(value))) {
        ctx.report('secret-literal', path, line, `${name} holds a random-looking token (${value.length} characters, not shown)`);
      }
    });
  }
}
