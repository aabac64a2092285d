#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { enableCompileCache } from 'node:module';

// V8's compiled code for this package and projen is kept between runs (in the OS temp folder, Node's default):
// start-up is mostly module loading. Enabled before anything else is imported, so it covers every module; Node
// ignores it when NODE_DISABLE_COMPILE_CACHE is set (engines: Node >= 22.18, which has it).
enableCompileCache();

const controller = new AbortController();
// The first Ctrl+C (or SIGTERM) cancels cleanly (staging removed, exit 130/143); a second one leaves at once.
// While a handler is installed, a signal waits for the synchronous synthesis and move into place to finish.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => {
    controller.abort(signal);
    process.once(signal, () => process.exit(code));
  });
}

// The bundled command (scripts/bundle.ts) when the build made one: one file per lazily loaded part instead of ~400
// modules. A lib/ built by plain `tsc` has none and runs the separate modules.
const bundled = new URL('../bundle/run-create.mjs', import.meta.url);
const createModule = (existsSync(bundled) ? import(bundled.href) : import('./run-create.js')) as Promise<typeof import('./run-create.js')>;
const [{ runCreate }, { exitAfterFlush }] = await Promise.all([createModule, import('./exit.js')]);
const code = await runCreate({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdinIsTTY: Boolean(process.stdin.isTTY),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: process.stdout.isTTY ? (text) => process.stdout.write(text) : undefined,
  signal: controller.signal,
});
await exitAfterFlush(code);
