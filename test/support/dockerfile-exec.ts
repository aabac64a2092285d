/**
 * Executes a Dockerfile's build steps on this machine, without a container engine.
 *
 * Each stage gets its own temporary directory standing in for the image's `/`. `WORKDIR` maps to
 * `<stageRoot>/<path>`, `COPY` copies from the build context (honouring `.dockerignore`) or, with `--from=<stage>`,
 * between stage roots, and `RUN` runs on the host with cwd = the mapped WORKDIR and the stage's `ENV`/`ARG` values
 * on top of the host environment (the host provides the tools, e.g. `dotnet`). Base images are not pulled: a
 * stage starts empty, or as a copy of an earlier stage when `FROM` names one. Because only WORKDIR is mapped, a RUN
 * command that names an absolute container path would write outside the stage; such commands are refused.
 *
 * Used by tests only: it proves the generated Dockerfile's build steps and entrypoint work together.
 */
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DockerfileParser, type Instruction, type Arg, type Env, type From, type Flag } from 'dockerfile-ast';

export interface ExecuteOptions {
  /** Build context directory (COPY sources and `.dockerignore`). */
  readonly context: string;
  /** `--build-arg` values. */
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** Stop after this stage (`--target`); default: the last stage. */
  readonly target?: string;
  /** Where to create the stage roots; default: the OS temp dir. */
  readonly tmpDir?: string;
  /** Environment the RUN commands inherit below the Dockerfile's ENV/ARG; default `process.env`. */
  readonly hostEnv?: NodeJS.ProcessEnv;
  /** Per RUN command; default 10 minutes. */
  readonly runTimeoutMs?: number;
  /** Called for every log entry as it happens (e.g. to print progress). */
  readonly onLog?: (entry: LogEntry) => void;
}

export interface LogEntry {
  /** 1-based line of the instruction in the Dockerfile. */
  readonly line: number;
  readonly stage: string;
  /** The instruction as written (first line only). */
  readonly instruction: string;
  /** What the executor did. */
  readonly detail: string;
  readonly durationMs: number;
  /** Combined stdout/stderr of a RUN. */
  readonly output?: string;
}

export interface StageResult {
  readonly name: string;
  readonly image: string;
  /** Host directory standing in for the stage's `/`. */
  readonly root: string;
}

export interface ExecuteResult {
  readonly stages: readonly StageResult[];
  /** The final (or target) stage. */
  readonly final: StageResult;
  /** Host directory standing in for the final stage's `/`. */
  readonly root: string;
  /** Final stage WORKDIR as a container path (`/app`). */
  readonly workdir: string;
  /** Final stage WORKDIR on the host (`<root>/app`). */
  readonly hostWorkdir: string;
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  /** Last `USER` of the final stage, as written (expanded); undefined if none. */
  readonly user: string | undefined;
  /** ENV (and in-scope ARG) values of the final stage. */
  readonly env: Readonly<Record<string, string>>;
  readonly log: readonly LogEntry[];
  readonly durationMs: number;
  /** Removes every stage root. */
  dispose(): void;
}

export interface RunOptions {
  /** Replace the image's CMD (like `docker run image <args>` or a pod's `args`). */
  readonly args?: readonly string[];
  /** Extra environment on top of host env + image ENV. */
  readonly env?: Readonly<Record<string, string>>;
  /** Default 2 minutes. */
  readonly timeoutMs?: number;
  readonly hostEnv?: NodeJS.ProcessEnv;
  /**
   * Run as this numeric UID and GID (the image's `USER`) with no supplementary groups, via `setpriv`: needs root.
   * The final stage's folders are opened to it first. Without root the entrypoint runs as the current user, which
   * `RunResult.uid` reports.
   */
  readonly uid?: number;
}

export interface RunResult {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
  readonly command: readonly string[];
  /** UID the process ran as. */
  readonly uid?: number;
}

/** Thrown for anything the executor refuses or cannot reproduce locally. */
export class DockerfileExecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DockerfileExecError';
  }
}

interface Stage {
  name: string;
  image: string;
  root: string;
  workdir: string;
  env: Record<string, string>;
  /** ARG names declared in this stage (their values live in env). */
  args: Set<string>;
  shell: string[];
  user: string | undefined;
  entrypoint: string[];
  cmd: string[];
  cmdSetHere: boolean;
}

/** Paths a RUN may name although they are absolute: they mean the same thing on every Linux host. */
const ALLOWED_ABSOLUTE = new Set(['/dev/null', '/dev/stdout', '/dev/stderr', '/dev/zero', '/dev/urandom', '/dev/random']);

/** Parses and executes `dockerfile` (the file's text). Throws `DockerfileExecError` on failure; stage roots are then removed. */
export async function executeDockerfile(dockerfile: string, options: ExecuteOptions): Promise<ExecuteResult> {
  const started = Date.now();
  const context = path.resolve(options.context);
  const hostEnv = options.hostEnv ?? process.env;
  const ignore = loadDockerignore(context);
  const parsed = DockerfileParser.parse(dockerfile);
  const escapeChar = parsed.getEscapeCharacter();
  const sourceLines = dockerfile.split(/\r?\n/);
  const tmpBase = mkdtempSync(path.join(options.tmpDir ?? tmpdir(), 'dockerfile-exec-'));
  const stages: Stage[] = [];
  const log: LogEntry[] = [];
  const globalArgs: Record<string, string> = {};
  let current: Stage | undefined;

  const dispose = () => rmSync(tmpBase, { recursive: true, force: true });
  const lookup = (stage: Stage | undefined) => (name: string): string | undefined =>
    stage ? (stage.env[name] ?? hostEnv[name]) : globalArgs[name];

  try {
    for (const instruction of parsed.getInstructions()) {
      const keyword = instruction.getKeyword().toUpperCase();
      const line = instruction.getRange().start.line + 1;
      const text = logicalText(sourceLines, instruction, escapeChar);
      const where = `Dockerfile line ${line} (${firstLine(text)})`;
      const t0 = Date.now();
      const record = (detail: string, output?: string) => {
        const entry: LogEntry = {
          line,
          stage: current?.name ?? '(global)',
          instruction: firstLine(text),
          detail,
          durationMs: Date.now() - t0,
          ...(output !== undefined ? { output } : {}),
        };
        log.push(entry);
        options.onLog?.(entry);
      };

      if (keyword === 'FROM') {
        if (current && options.target && current.name === options.target) break;
        const from = instruction as From;
        const image = expand(from.getImage() ?? '', lookup(undefined), where);
        const name = from.getBuildStage() ?? String(stages.length);
        const base = stages.find((s) => s.name === image);
        const root = mkdtempSync(path.join(tmpBase, `stage-${stages.length}-`));
        if (base) cpSync(base.root, root, { recursive: true, verbatimSymlinks: true });
        current = {
          name,
          image,
          root,
          workdir: base?.workdir ?? '/',
          env: { ...(base?.env ?? {}) },
          args: new Set(),
          shell: [...(base?.shell ?? ['/bin/sh', '-c'])],
          user: base?.user,
          entrypoint: [...(base?.entrypoint ?? [])],
          cmd: [...(base?.cmd ?? [])],
          cmdSetHere: false,
        };
        stages.push(current);
        record(base ? `stage "${name}" starts from stage "${base.name}"` : `stage "${name}" (${image}) starts empty at ${root}`);
        continue;
      }

      if (keyword === 'ARG') {
        for (const p of (instruction as Arg).getProperties()) {
          const argName = p.getName();
          const declared = p.getValue();
          const value = options.buildArgs?.[argName]
            ?? AUTOMATIC_PLATFORM_ARGS[argName]
            ?? (declared !== null ? expand(declared, lookup(current), where) : current ? globalArgs[argName] : undefined);
          if (!current) {
            if (value !== undefined) globalArgs[argName] = value;
          } else {
            current.args.add(argName);
            if (value !== undefined) current.env[argName] = value;
          }
        }
        record('arg');
        continue;
      }

      if (!current) throw new DockerfileExecError(`${where}: ${keyword} before the first FROM`);
      const stage = current;

      switch (keyword) {
        case 'ENV': {
          for (const p of (instruction as Env).getProperties()) {
            stage.env[p.getName()] = expand(p.getValue() ?? '', lookup(stage), where);
          }
          record('env');
          break;
        }
        case 'WORKDIR': {
          const dir = expand(stripKeyword(text, keyword, []), lookup(stage), where).trim();
          stage.workdir = path.posix.resolve(stage.workdir, dir);
          mkdirSync(mapPath(stage, stage.workdir), { recursive: true });
          record(`workdir ${stage.workdir} -> ${mapPath(stage, stage.workdir)}`);
          break;
        }
        case 'COPY': {
          const detail = copy(stage, stages, instruction, text, context, ignore, lookup(stage), where);
          record(detail);
          break;
        }
        case 'RUN': {
          const flags = flagsOf(instruction);
          for (const f of flags) {
            const name = f.getName();
            if (name === 'mount' && /(^|,)type=cache(,|$)/.test(f.getValue() ?? '')) continue; // caches never change results
            if (name === 'network') continue;
            throw new DockerfileExecError(`${where}: RUN --${name} is not supported by the local executor`);
          }
          const body = stripKeyword(text, keyword, flags);
          if (/^\s*<</.test(body)) throw new DockerfileExecError(`${where}: RUN heredocs are not supported by the local executor`);
          const exec = parseExecForm(body);
          const argv = exec ?? [...stage.shell, body];
          const checked = exec ?? [body];
          for (const part of checked) refuseAbsolutePaths(part, stage, lookup(stage), where);
          const cwd = mapPath(stage, stage.workdir);
          mkdirSync(cwd, { recursive: true });
          const env = { ...hostEnv, ...stage.env };
          const result = await runProcess(argv, { cwd, env, timeoutMs: options.runTimeoutMs ?? 600_000 });
          const output = result.stdout + result.stderr;
          if (result.exitCode !== 0) {
            record(`run failed (exit ${result.exitCode ?? result.signal})`, output);
            throw new DockerfileExecError(
              `${where}: RUN exited with ${result.exitCode ?? result.signal} in ${cwd}\n${tail(output, 60)}`,
            );
          }
          record(`run ok in ${stage.workdir}`, output);
          break;
        }
        case 'USER': {
          stage.user = expand(stripKeyword(text, keyword, []), lookup(stage), where).trim();
          record(`user ${stage.user}`);
          break;
        }
        case 'ENTRYPOINT':
        case 'CMD': {
          const body = stripKeyword(text, keyword, []);
          const argv = parseExecForm(body) ?? [...stage.shell, body];
          if (keyword === 'ENTRYPOINT') {
            stage.entrypoint = argv;
            if (!stage.cmdSetHere) stage.cmd = []; // like docker: ENTRYPOINT resets an inherited CMD
          } else {
            stage.cmd = argv;
            stage.cmdSetHere = true;
          }
          record(`${keyword.toLowerCase()} ${JSON.stringify(argv)}`);
          break;
        }
        case 'SHELL': {
          const argv = parseExecForm(stripKeyword(text, keyword, []));
          if (!argv) throw new DockerfileExecError(`${where}: SHELL must use the JSON form`);
          stage.shell = argv;
          record(`shell ${JSON.stringify(argv)}`);
          break;
        }
        case 'LABEL':
        case 'EXPOSE':
        case 'STOPSIGNAL':
        case 'HEALTHCHECK':
        case 'VOLUME':
        case 'MAINTAINER':
          record('metadata only, nothing to execute');
          break;
        default:
          throw new DockerfileExecError(`${where}: ${keyword} is not supported by the local executor`);
      }
    }

    if (stages.length === 0) throw new DockerfileExecError('Dockerfile has no FROM');
    if (options.target && !stages.some((s) => s.name === options.target)) {
      throw new DockerfileExecError(`target stage "${options.target}" not found`);
    }
    const last = options.target ? stages.find((s) => s.name === options.target)! : stages[stages.length - 1]!;
    const view = (s: Stage): StageResult => ({ name: s.name, image: s.image, root: s.root });
    return {
      stages: stages.map(view),
      final: view(last),
      root: last.root,
      workdir: last.workdir,
      hostWorkdir: mapPath(last, last.workdir),
      entrypoint: last.entrypoint,
      cmd: last.cmd,
      user: last.user,
      env: { ...last.env },
      log,
      durationMs: Date.now() - started,
      dispose,
    };
  } catch (err) {
    dispose();
    throw err;
  }
}

/**
 * Runs the final stage's ENTRYPOINT (+ CMD, or `args` instead of CMD) from the final WORKDIR on the host.
 * The environment is host env + the image's ENV + `env`.
 */
export async function runEntrypoint(result: ExecuteResult, options: RunOptions = {}): Promise<RunResult> {
  const argv = [...result.entrypoint, ...(options.args ?? result.cmd)];
  if (argv.length === 0) throw new DockerfileExecError('the image has neither ENTRYPOINT nor CMD');
  // An absolute program path inside the image maps into the stage root when it exists there.
  const program = argv[0]!;
  if (program.startsWith('/')) {
    const mapped = path.join(result.root, program);
    if (existsSync(mapped)) argv[0] = mapped;
  }
  const env = { ...(options.hostEnv ?? process.env), ...result.env, ...(options.env ?? {}) };
  const current = process.getuid?.();
  const uid = options.uid !== undefined && current === 0 ? options.uid : current;
  if (options.uid !== undefined && current === 0) {
    // mkdtemp makes 0700 folders: let the image's user reach its WORKDIR, as the image's own layers would. Only
    // folders below the temp dir are opened; anything else that blocks the user makes the run fail visibly.
    const temp = tmpdir() + path.sep;
    for (let dir = result.hostWorkdir; dir.startsWith(temp); dir = path.dirname(dir)) {
      chmodSync(dir, statSync(dir).mode | 0o755);
    }
    argv.unshift('setpriv', `--reuid=${options.uid}`, `--regid=${options.uid}`, '--clear-groups', '--');
  }
  const run = await runProcess(argv, { cwd: result.hostWorkdir, env, timeoutMs: options.timeoutMs ?? 120_000 });
  return { ...run, ...(uid !== undefined ? { uid } : {}) };
}

export interface CleanBuildEnvironment {
  /** Environment for RUN steps: PATH and the given variables, HOME an empty folder, NuGet reading only `sources`. */
  readonly env: NodeJS.ProcessEnv;
  readonly home: string;
  /** The NuGet.Config written into HOME. */
  readonly nugetConfig: string;
  dispose(): void;
}

/**
 * What a `docker build` step sees instead of this machine's account: an empty HOME (no NuGet cache, no user
 * NuGet.Config, no SDK first-run state) and a user NuGet.Config that clears every other source and lists only
 * `sources` (the feeds the build is meant to use). `extra` adds variables such as DOTNET_ROLL_FORWARD.
 */
export function cleanBuildEnvironment(sources: readonly string[], extra: Readonly<Record<string, string>> = {}, tmpDir = tmpdir()): CleanBuildEnvironment {
  if (sources.length === 0) throw new DockerfileExecError('a clean build environment needs at least one NuGet source');
  const home = mkdtempSync(path.join(tmpDir, 'clean-home-'));
  const nugetDir = path.join(home, '.nuget/NuGet');
  mkdirSync(nugetDir, { recursive: true });
  const escape = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const nugetConfig = path.join(nugetDir, 'NuGet.Config');
  writeFileSync(nugetConfig, [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<configuration>',
    '  <packageSources>',
    '    <clear />',
    ...sources.map((source, i) => `    <add key="source${i}" value="${escape(source)}" />`),
    '  </packageSources>',
    '</configuration>',
    '',
  ].join('\n'));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, DOTNET_CLI_HOME: home, ...extra };
  return { env, home, nugetConfig, dispose: () => rmSync(home, { recursive: true, force: true }) };
}

/** A HOME folder owned by `uid` (the image user's home), for an entrypoint run with `RunOptions.uid`. */
export function homeFor(uid: number, tmpDir = tmpdir()): string {
  const home = mkdtempSync(path.join(tmpDir, `home-${uid}-`));
  if (process.getuid?.() === 0) chownSync(home, uid, uid);
  return home;
}

/**
 * The files `dotnet <App>.dll` needs from the image's WORKDIR: the entrypoint's assembly, its runtimeconfig and
 * deps.json, and every runtime assembly deps.json lists for the app's packages and projects. Returns those missing.
 */
export function missingEntrypointFiles(result: ExecuteResult): string[] {
  const [program, assembly] = result.entrypoint;
  if (program !== 'dotnet' || !assembly?.endsWith('.dll')) {
    throw new DockerfileExecError(`the ENTRYPOINT is not \`dotnet <App>.dll\`: ${JSON.stringify(result.entrypoint)}`);
  }
  const dir = path.join(result.hostWorkdir, path.posix.dirname(assembly));
  const base = path.posix.basename(assembly, '.dll');
  const needed = [`${base}.dll`, `${base}.runtimeconfig.json`, `${base}.deps.json`];
  const depsFile = path.join(dir, `${base}.deps.json`);
  if (existsSync(depsFile)) {
    const deps = JSON.parse(readFileSync(depsFile, 'utf8')) as { targets?: Record<string, Record<string, { runtime?: Record<string, unknown> }>> };
    for (const target of Object.values(deps.targets ?? {})) {
      // Framework-dependent: the runtime assemblies sit in WORKDIR under their file name.
      for (const library of Object.values(target)) needed.push(...Object.keys(library.runtime ?? {}).map((file) => path.posix.basename(file)));
    }
  }
  return [...new Set(needed)].filter((file) => !existsSync(path.join(dir, file)));
}

// ---------------------------------------------------------------------------------------------------------------

function mapPath(stage: Stage, containerPath: string): string {
  return path.join(stage.root, path.posix.resolve('/', containerPath));
}

function firstLine(text: string): string {
  const l = text.split('\n')[0] ?? '';
  return l.length > 100 ? `${l.slice(0, 97)}...` : l;
}

function tail(text: string, lines: number): string {
  return text.split('\n').slice(-lines).join('\n');
}

/** BuildKit's automatic platform ARGs for a build on this machine for this machine (visible once a stage declares them). */
const AUTOMATIC_PLATFORM_ARGS: Readonly<Record<string, string>> = (() => {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  return { TARGETOS: 'linux', TARGETARCH: arch, TARGETPLATFORM: `linux/${arch}`, BUILDOS: 'linux', BUILDARCH: arch, BUILDPLATFORM: `linux/${arch}` };
})();

function flagsOf(instruction: Instruction): Flag[] {
  const withFlags = instruction as Instruction & { getFlags?: () => Flag[] };
  return withFlags.getFlags ? withFlags.getFlags() : [];
}

/**
 * The instruction as Docker sees it: continuation lines joined (escape + newline removed), comment and empty lines
 * inside a continuation dropped. dockerfile-ast's own content keeps those comment lines, which a shell would misread.
 */
function logicalText(lines: readonly string[], instruction: Instruction, escapeChar: string): string {
  const { start, end } = instruction.getRange();
  const continuation = new RegExp(`${escapeRegExp(escapeChar)}[ \\t]*$`);
  let out = '';
  for (let i = start.line; i <= end.line && i < lines.length; i++) {
    const raw = i === start.line ? lines[i]!.slice(start.character) : lines[i]!;
    if (i > start.line && (raw.trim() === '' || raw.trim().startsWith('#'))) continue;
    if (continuation.test(raw)) {
      out += raw.replace(continuation, '');
      continue;
    }
    out += raw;
    break;
  }
  return out.trim();
}

/** Removes the keyword and the leading `--flag[=value]` tokens the parser reported. */
function stripKeyword(text: string, keyword: string, flags: readonly Flag[]): string {
  let rest = text.replace(new RegExp(`^\\s*${keyword}\\b`, 'i'), '');
  for (let i = 0; i < flags.length; i++) rest = rest.replace(/^\s*--\S+/, '');
  return rest.trim();
}

/** JSON (exec) form → argv; null for shell form (Docker falls back to shell form when the JSON does not parse). */
function parseExecForm(body: string): string[] | null {
  if (!body.startsWith('[')) return null;
  try {
    const value: unknown = JSON.parse(body);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  } catch {
    // shell form
  }
  return null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Docker's variable substitution: `$VAR`, `${VAR}`, `${VAR:-word}`, `${VAR:+word}`, `\$` for a literal `$`. */
function expand(value: string, lookup: (name: string) => string | undefined, where: string): string {
  return value.replace(/\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)|\$\{[^}]*\}/g,
    (match, braced?: string, op?: string, word?: string, bare?: string) => {
      if (match === '\\$') return '$';
      const name = braced ?? bare;
      if (!name) throw new DockerfileExecError(`${where}: unsupported substitution ${match}`);
      const v = lookup(name);
      if (op === '-') return v ? v : (word ?? '');
      if (op === '+') return v ? (word ?? '') : '';
      return v ?? '';
    });
}

/** Splits a shell command into words (quotes removed), enough to spot path arguments. */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < command.length) word += command[++i];
      else word += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < command.length) {
      word += command[++i];
      inWord = true;
    } else if (/[\s;&|()<>]/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/**
 * Only WORKDIR is mapped into the stage root, so an absolute path in a RUN command (`-o /app/publish`,
 * `cd /src`, `--output=/out`, `~/.cache`) would read or write the host outside the stage. Refuse it.
 */
function refuseAbsolutePaths(command: string, stage: Stage, lookup: (name: string) => string | undefined, where: string): void {
  let expanded: string;
  try {
    expanded = expand(command, lookup, where);
  } catch {
    expanded = command;
  }
  for (const word of shellWords(expanded)) {
    const candidates = [word, ...(word.includes('=') ? [word.slice(word.indexOf('=') + 1)] : [])];
    for (const candidate of candidates) {
      const isHome = candidate === '~' || candidate.startsWith('~/');
      if (!candidate.startsWith('/') && !isHome) continue;
      if (ALLOWED_ABSOLUTE.has(candidate)) continue;
      if (!isHome && path.resolve(candidate).startsWith(stage.root + path.sep)) continue;
      throw new DockerfileExecError(
        `${where}: RUN uses the absolute container path "${candidate}". The local executor maps only WORKDIR ` +
          `(${stage.workdir} -> ${mapPath(stage, stage.workdir)}) into the stage, so this command would touch the host ` +
          `outside stage "${stage.name}". Use a path relative to WORKDIR instead (e.g. "-o publish", not "-o /app/publish").`,
      );
    }
  }
}

// --- COPY -------------------------------------------------------------------------------------------------------

function copy(
  stage: Stage,
  stages: readonly Stage[],
  instruction: Instruction,
  text: string,
  context: string,
  ignore: IgnoreMatcher,
  lookup: (name: string) => string | undefined,
  where: string,
): string {
  const flags = flagsOf(instruction);
  let fromStage: Stage | undefined;
  for (const f of flags) {
    const name = f.getName();
    const value = expand(f.getValue() ?? '', lookup, where);
    if (name === 'from') {
      fromStage = stages.find((s) => s.name === value) ?? (/^\d+$/.test(value) ? stages[Number(value)] : undefined);
      if (!fromStage || fromStage === stage) {
        throw new DockerfileExecError(`${where}: COPY --from=${value} names no earlier stage (images cannot be pulled locally)`);
      }
    } else if (name !== 'chown' && name !== 'chmod' && name !== 'link') {
      throw new DockerfileExecError(`${where}: COPY --${name} is not supported by the local executor`);
    }
  }
  const body = stripKeyword(text, 'COPY', flags);
  if (/^\s*<</.test(body)) throw new DockerfileExecError(`${where}: COPY heredocs are not supported by the local executor`);
  const words = (parseExecForm(body) ?? body.split(/\s+/).filter(Boolean)).map((w) => expand(w, lookup, where));
  if (words.length < 2) throw new DockerfileExecError(`${where}: COPY needs a source and a destination`);
  const destWord = words[words.length - 1]!;
  const sources = words.slice(0, -1);
  const destContainer = path.posix.resolve(stage.workdir, destWord);
  const dest = mapPath(stage, destContainer);
  const destIsDir = destWord.endsWith('/') || destWord === '.' || destWord.endsWith('/.') || sources.length > 1
    || (existsSync(dest) && statSync(dest).isDirectory());

  // Source root: the build context (relative to it, `.dockerignore` applies) or another stage's `/`.
  const srcRoot = fromStage ? fromStage.root : context;
  const excluded = (rel: string) => !fromStage && ignore.excludes(rel);
  const prune = (rel: string) => !fromStage && ignore.excludesAllBelow(rel);
  const matches: string[] = [];
  for (const source of sources) {
    const rel = path.posix.normalize(source.replace(/^\/+/, '')).replace(/\/+$/, '') || '.';
    if (rel.startsWith('..')) throw new DockerfileExecError(`${where}: COPY source ${source} is outside the build context`);
    const wildcard = /[*?[]/.test(rel);
    const found = wildcard ? glob(srcRoot, rel) : [rel];
    const kept = found.filter((r) => existsSync(path.join(srcRoot, r)) && (r === '.' || !excluded(r)));
    // As BuildKit: a wildcard may match nothing (`COPY app.csproj packages.lock.json* dir/`, an optional file);
    // the instruction fails only when no source matched at all (checked below).
    if (kept.length === 0 && !wildcard) {
      throw new DockerfileExecError(
        `${where}: COPY source "${source}" not found in ${fromStage ? `stage "${fromStage.name}"` : 'the build context'}` +
          (fromStage ? '' : ' or excluded by .dockerignore'),
      );
    }
    matches.push(...kept);
  }
  if (matches.length === 0) throw new DockerfileExecError(`${where}: COPY sources ${sources.join(' ')} match no file in the build context`);
  if (matches.length > 1 && !destIsDir) {
    throw new DockerfileExecError(`${where}: COPY with several sources needs a destination ending in "/"`);
  }

  let files = 0;
  for (const rel of matches) {
    const abs = path.join(srcRoot, rel);
    if (lstatSync(abs).isDirectory()) {
      // A directory source copies its contents.
      mkdirSync(dest, { recursive: true });
      files += copyTree(abs, rel, dest, excluded, prune);
    } else {
      const target = destIsDir ? path.join(dest, path.posix.basename(rel)) : dest;
      mkdirSync(path.dirname(target), { recursive: true });
      cpSync(abs, target, { verbatimSymlinks: true });
      files++;
    }
  }
  return `copied ${files} file(s) from ${fromStage ? `stage "${fromStage.name}"` : 'context'} to ${destContainer}`;
}

function copyTree(
  srcDir: string,
  relDir: string,
  destDir: string,
  excluded: (rel: string) => boolean,
  prune: (rel: string) => boolean,
): number {
  let files = 0;
  for (const entry of readdirSync(srcDir, { withFileTypes: true })) {
    const rel = relDir === '.' ? entry.name : `${relDir}/${entry.name}`;
    const src = path.join(srcDir, entry.name);
    const dst = path.join(destDir, entry.name);
    if (entry.isDirectory()) {
      if (prune(rel)) continue;
      // An excluded directory is still walked when a later `!` pattern may re-include something inside it.
      if (!excluded(rel)) mkdirSync(dst, { recursive: true });
      files += copyTree(src, rel, dst, excluded, prune);
    } else if (!excluded(rel)) {
      mkdirSync(destDir, { recursive: true });
      cpSync(src, dst, { verbatimSymlinks: true });
      files++;
    }
  }
  return files;
}

/** Expands wildcards segment by segment (Go `filepath.Match` semantics, as COPY uses). */
function glob(root: string, pattern: string): string[] {
  let bases = ['.'];
  for (const segment of pattern.split('/')) {
    const next: string[] = [];
    for (const base of bases) {
      if (!/[*?[]/.test(segment)) {
        next.push(base === '.' ? segment : `${base}/${segment}`);
        continue;
      }
      const dir = path.join(root, base);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
      const re = new RegExp(`^${segmentRegExp(segment)}$`);
      for (const name of readdirSync(dir).sort()) if (re.test(name)) next.push(base === '.' ? name : `${base}/${name}`);
    }
    bases = next;
  }
  return bases;
}

function segmentRegExp(segment: string): string {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        re += `[${segment.slice(i + 1, close).replace(/^\^/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += escapeRegExp(c);
  }
  return re;
}

// --- .dockerignore ----------------------------------------------------------------------------------------------

export interface IgnoreMatcher {
  excludes(rel: string): boolean;
  /** True when `relDir` is excluded and no later `!` pattern could bring back anything below it. */
  excludesAllBelow(relDir: string): boolean;
}

/**
 * `.dockerignore` as Docker reads it (moby/patternmatcher): patterns are cleaned paths relative to the context,
 * `**` spans directories, `!` re-includes, the last matching pattern wins, and a pattern matching a parent
 * directory matches everything below it.
 */
function loadDockerignore(context: string): IgnoreMatcher {
  const file = path.join(context, '.dockerignore');
  return dockerignoreMatcher(existsSync(file) ? readFileSync(file, 'utf8').split(/\r?\n/) : []);
}

/** Matcher for `.dockerignore` lines (comments and blank lines allowed); `excludes('src/A/obj/x.json')`. */
export function dockerignoreMatcher(lines: readonly string[]): IgnoreMatcher {
  const patterns = lines
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const cleaned = path.posix.normalize((negate ? l.slice(1) : l).trim().replace(/^\/+/, '')).replace(/\/+$/, '');
      return { negate, re: new RegExp(`^${patternRegExp(cleaned)}$`) };
    });
  const lastMatch = (rel: string): number => {
    const parts = rel.split('/');
    const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    let last = -1;
    patterns.forEach((p, i) => {
      if (candidates.some((c) => p.re.test(c))) last = i;
    });
    return last;
  };
  return {
    excludes(rel: string): boolean {
      const i = lastMatch(rel);
      return i >= 0 && !patterns[i]!.negate;
    },
    excludesAllBelow(relDir: string): boolean {
      const i = lastMatch(relDir);
      return i >= 0 && !patterns[i]!.negate && !patterns.slice(i + 1).some((p) => p.negate);
    },
  };
}

function patternRegExp(pattern: string): string {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else {
        re += '.*';
      }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, close).replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += escapeRegExp(c);
  }
  return re;
}

// --- processes --------------------------------------------------------------------------------------------------

function runProcess(
  argv: readonly string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: opts.timeoutMs,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (err) => reject(new DockerfileExecError(`cannot start ${JSON.stringify(argv)}: ${err.message}`)));
    child.on('close', (exitCode, signal) =>
      resolve({ exitCode, signal, stdout, stderr, durationMs: Date.now() - started, command: argv }));
  });
}
