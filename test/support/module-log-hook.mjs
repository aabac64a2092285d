// Preloaded with `node --import` by test/cli/startup.test.ts: records every module the process resolves (ESM imports
// and CommonJS requires alike, through Node's synchronous module hooks) and, on exit, writes the list of resolved
// URLs, one per line, to MODULE_LOG_FILE. Which packages a command loads is then a fact, not a timing.
import { appendFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const file = process.env.MODULE_LOG_FILE;
const seen = new Set();
registerHooks({
  resolve(specifier, context, nextResolve) {
    const result = nextResolve(specifier, context);
    seen.add(result.url);
    return result;
  },
  // Also what is loaded: a hook registered later (the package API's, lib/bundle/lazy-hook.mjs) may answer a
  // resolution before this one sees it.
  load(url, context, nextLoad) {
    seen.add(url);
    return nextLoad(url, context);
  },
});
if (file) process.on('exit', () => appendFileSync(file, [...seen, ''].join('\n')));
