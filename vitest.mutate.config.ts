import { defineConfig } from 'vitest/config';

// Mutation testing runs the unit layer only: it is the layer that imports src/ directly (the CLI and e2e layers
// spawn the compiled bin, which a mutant of src/ does not reach). test/unit/dotnet (MSBuild and the built job
// host, seconds per test) is left out: per mutant it would cost minutes, and the policy values it reads are pinned
// by the other unit tests.
//
// MUTATE_TESTS (comma-separated globs) narrows the suite to the tests aimed at one folder. Every mutant re-imports
// the files of its covering tests, and most unit files synthesise whole repositories while being collected, so on a
// busy machine the whole suite costs minutes per surviving mutant. A narrowed run can only kill fewer mutants: its
// score is a lower bound of the full suite's.
const narrowed = process.env.MUTATE_TESTS?.split(',').map((glob) => glob.trim()).filter(Boolean);

export default defineConfig({
  test: {
    include: narrowed && narrowed.length > 0 ? narrowed : ['test/unit/**/*.test.ts'],
    exclude: ['test/unit/dotnet/**'],
    testTimeout: 60_000,
  },
});
