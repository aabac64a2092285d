import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

/** The package's `templates/` folder: `src/project/` and `lib/project/` both sit two levels below the root. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

const handlebars = Handlebars.create();
handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
const cache = new Map<string, Handlebars.TemplateDelegate>();

/**
 * Renders `templates/<relPath>` (Handlebars, no HTML escaping; strict, so a misspelt variable fails the
 * synthesis instead of leaving a blank). Only C#, the Dockerfile and prose are templates.
 */
export function renderTemplate(relPath: string, vars: object): string {
  let template = cache.get(relPath);
  if (!template) {
    const source = readFileSync(join(TEMPLATES_DIR, relPath), 'utf8');
    template = handlebars.compile(source, { noEscape: true, strict: true });
    cache.set(relPath, template);
  }
  return template(vars);
}
