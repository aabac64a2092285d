// Rewrites docs/rules/*.md from the policy's rule catalogue (compiled lib/): `npm run compile && npm run rule-docs`; a unit test fails when stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleDocs } from '../lib/check/rule-docs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const [path, text] of ruleDocs()) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
