import { defineConfig } from 'vitest/config';

// Layers, cheapest first: unit (synthesised file maps), cli (spawns the built bin), robustness (fuzzed answers and
// interrupted runs by the hundred; CI runs it, `test:fast` does not), e2e (real .NET SDK).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 } },
      {
        test: {
          name: 'cli',
          include: ['test/cli/**/*.test.ts'],
          testTimeout: 120_000,
          // Its ESM imports JSON without an import attribute, which Node refuses; Vite's transform accepts it.
          server: { deps: { inline: ['@actions/workflow-parser'] } },
        },
      },
      // Each file spawns processes by the dozen: one file at a time on 2 cores.
      { test: { name: 'robustness', include: ['test/robustness/**/*.test.ts'], testTimeout: 1_800_000, hookTimeout: 900_000, fileParallelism: false } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Generous guards, not performance targets: a cold NuGet restore and two builds happen here.
          testTimeout: 900_000,
          hookTimeout: 900_000,
          // One .NET build at a time: the machine has 2 cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
