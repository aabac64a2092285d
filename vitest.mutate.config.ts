import { defineConfig } from 'vitest/config';

// Mutation testing runs the unit layer only: it is the layer that imports src/ directly (the CLI and e2e layers
// spawn the compiled bin, which a mutant of src/ does not reach).
export default defineConfig({
  test: { include: ['test/unit/**/*.test.ts'], testTimeout: 60_000 },
});
