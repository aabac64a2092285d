import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Handlebars from 'handlebars';
// A static import, so the bundles hold the runtime (21 CommonJS files in node_modules).
import handlebarsRuntime from 'handlebars/runtime.js';

/** The package's `templates/` folder: `src/project/` and `lib/project/` both sit two levels below the root. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Compile options of every template (no HTML escaping; strict, so a misspelt variable fails the synthesis). */
const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

type Precompiled = Record<string, { sha256: string; spec: ReturnType<typeof Handlebars.precompile> }>;

// The runtime alone renders precompiled templates; the compiler (parser, code generator, source maps) is loaded only
// for a template that has no current precompiled form (see scripts/precompile-templates.ts).
const load = createRequire(import.meta.url);
const withHelpers = (env: typeof Handlebars) => {
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  return env;
};
const runtime = withHelpers((handlebarsRuntime as typeof Handlebars).create());
const cache = new Map<string, Handlebars.TemplateDelegate>();
let precompiled: Precompiled | undefined;
let compiler: typeof Handlebars | undefined;

function loadPrecompiled(): Precompiled {
  if (precompiled) return precompiled;
  try {
    // By package root, not by this module's folder: the same code also runs bundled, from lib/bundle/.
    precompiled = load(fileURLToPath(new URL('../../lib/project/templates.precompiled.cjs', import.meta.url))) as Precompiled;
  } catch {
    precompiled = {}; // running from src/, or lib/ built without the precompile step
  }
  return precompiled;
}

function compile(source: string): Handlebars.TemplateDelegate {
  compiler ??= withHelpers((load('handlebars') as typeof Handlebars).create());
  return compiler.compile(source, COMPILE_OPTIONS);
}

/**
 * Renders `templates/<relPath>` (Handlebars, no HTML escaping; strict, so a misspelt variable fails the
 * synthesis instead of leaving a blank). Only C#, the Dockerfile and prose are templates.
 */
export function renderTemplate(relPath: string, vars: object): string {
  let template = cache.get(relPath);
  if (!template) {
    const source = readFileSync(join(TEMPLATES_DIR, relPath), 'utf8');
    const entry = loadPrecompiled()[relPath];
    const current = entry !== undefined && entry.sha256 === createHash('sha256').update(source).digest('hex');
    template = current ? runtime.template(entry.spec) : compile(source);
    cache.set(relPath, template);
  }
  return template(vars);
}
