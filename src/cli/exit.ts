/**
 * Exits once stdout and stderr have handed over everything written to them. `process.exit` alone drops what a pipe
 * has not taken yet (a `check --format json` report piped to a slow reader was cut at 128 KiB); an empty write's
 * callback runs after the writes queued before it.
 */
export async function exitAfterFlush(code: number): Promise<never> {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((done) => (stream.writableLength === 0 ? done() : stream.write('', () => done())))));
  process.exit(code);
}
