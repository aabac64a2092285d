import type { CliIo } from './run-create.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * Runs a long step (npm install, dotnet restore) under a spinner with the elapsed seconds when stdout is a terminal;
 * elsewhere (CI logs, pipes) it prints the label once, so logs hold no carriage returns.
 */
export async function withProgress<T>(label: string, io: CliIo, work: () => Promise<T>): Promise<T> {
  const draw = io.progress;
  if (!draw) {
    io.out(label);
    return work();
  }
  const started = Date.now();
  let frame = 0;
  const render = () => draw(`\r${FRAMES[frame++ % FRAMES.length]} ${label} ${Math.floor((Date.now() - started) / 1000)} s\x1b[K`);
  render();
  const timer = setInterval(render, 100);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    draw('\r\x1b[K');
  }
}
