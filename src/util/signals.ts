/**
 * Holds SIGINT and SIGTERM off while `work` writes files, then acts on them: the files are written with
 * synchronous calls, and a signal handled by JavaScript waits for them to finish, where the default action would
 * have stopped the process half-way (some files new, some old). After the work, a signal that arrived ends the
 * process the way it would have (re-raised with its default action: exit status 130 or 143).
 */
export function withSignalsDeferred<T>(work: () => T): T {
  let received: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    received ??= signal;
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  for (const s of signals) process.on(s, onSignal);
  try {
    return work();
  } finally {
    // libuv reads pending signals in the next poll phase, before `setImmediate` callbacks run.
    setImmediate(() => {
      for (const s of signals) process.removeListener(s, onSignal);
      if (received && process.listenerCount(received) === 0) process.kill(process.pid, received);
    });
  }
}
