// Preloaded with `node --import` by the interrupt tests: sends this process a signal right after its Nth file-system
// write (writeFileSync, renameSync, rmSync, copyFileSync, cpSync), so that an interrupt lands in the middle of the
// writes instead of somewhere in module loading. With INTERRUPT_COUNT_FILE set it only counts, and records the total.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const after = Number(process.env.INTERRUPT_AFTER_WRITES ?? 0);
const signal = process.env.INTERRUPT_SIGNAL ?? 'SIGTERM';
const countFile = process.env.INTERRUPT_COUNT_FILE;
let writes = 0;
for (const name of ['writeFileSync', 'renameSync', 'rmSync', 'copyFileSync', 'cpSync', 'unlinkSync']) {
  const original = fs[name];
  fs[name] = function (...args) {
    const result = original.apply(this, args);
    writes++;
    if (writes === after) process.kill(process.pid, signal);
    return result;
  };
}
syncBuiltinESMExports();
if (countFile) process.on('exit', () => fs.appendFileSync(countFile, `${writes}\n`));
