import { defineConfig } from 'vitest/config';

// Three layers, cheapest first: unit (synthesised file maps), cli (spawns the built bin), e2e (real .NET SDK).
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
