/**
 * `migrate`'s scan: every `.cs` file of the repository that mentions a scheduling API is parsed (tree-sitter),
 * names are resolved through the repository's usings and declared types, and each library's detector reports its
 * schedules. A file that cannot be read or does not parse is reported and skipped; the rest is still scanned.
 */
import type { Node } from 'web-tree-sitter';
import { buildNameIndex, loadCSharpParser, parseCSharp, type CSharpFile } from '../check/csharp/parser.js';
import { walkRepository, type RepoFiles } from '../check/walk.js';
import type { Detected, ScanFile } from './detect/common.js';
import { detectCoravel } from './detect/coravel.js';
import { detectHangfire } from './detect/hangfire.js';
import { detectHostedServices } from './detect/hosted-service.js';
import { detectNCronJob } from './detect/ncronjob.js';
import { detectQuartz } from './detect/quartz.js';

export interface ScanProblem {
  readonly file: string;
  readonly line?: number;
  readonly kind: 'unreadable' | 'syntax-error';
  readonly message: string;
}

export interface ScanResult {
  readonly detected: readonly Detected[];
  readonly problems: readonly ScanProblem[];
  /** `.cs` files looked at / parsed. */
  readonly scanned: number;
  readonly parsed: number;
  /** Project and solution files found (a repository without any is not a .NET repository). */
  readonly projects: readonly string[];
}

const PREFILTER = /\b(AddOrUpdate|WithCronSchedule|CronScheduleBuilder|WithSimpleSchedule|SimpleScheduleBuilder|WithCronExpression|AddNCronJob|Schedule(Async|WithParams|InvocableType)?\s*[<(]|BackgroundService|IHostedService)/;
const GLOBAL_USING = /^\s*global\s+using\b/m;

/** The first syntax error of a tree, 1-based line, or undefined. */
function firstError(file: CSharpFile): { line: number; text: string } | undefined {
  const root = file.tree.rootNode;
  if (!root.hasError) return undefined;
  const bad = root.descendantsOfType('ERROR')[0] ?? findMissing(root);
  return bad ? { line: bad.startPosition.row + 1, text: bad.text.split('\n')[0]!.slice(0, 60) } : { line: 1, text: '' };
}

function findMissing(node: Node): Node | undefined {
  if (node.isMissing) return node;
  for (const c of node.children) {
    if (c && (c.hasError || c.isMissing)) {
      const found = findMissing(c);
      if (found) return found;
    }
  }
  return undefined;
}

export async function scanRepository(root: string, files: RepoFiles = walkRepository(root)): Promise<ScanResult> {
  const problems: ScanProblem[] = [];
  const projects = files.paths.filter((p) => /\.(csproj|sln|slnx)$/i.test(p));
  const texts = new Map<string, string>();
  let scanned = 0;
  for (const path of files.paths) {
    if (!path.endsWith('.cs')) continue;
    scanned++;
    const before = files.notes.length;
    const text = files.read(path);
    if (text === undefined) {
      const note = files.notes.slice(before).find((n) => n.file === path);
      problems.push({ file: path, kind: 'unreadable', message: note?.message ?? 'not readable' });
      continue;
    }
    if (PREFILTER.test(text) || GLOBAL_USING.test(text)) texts.set(path, text);
  }
  if (texts.size === 0) return { detected: [], problems, scanned, parsed: 0, projects };
  const parser = await loadCSharpParser();
  const parsed = new Map<string, CSharpFile>();
  for (const [path, text] of texts) {
    const file = parseCSharp(parser, text);
    const error = firstError(file);
    if (error) {
      problems.push({ file: path, line: error.line, kind: 'syntax-error', message: error.text ? `syntax error near ${JSON.stringify(error.text)}; file skipped` : 'syntax error (a token is missing); file skipped' });
      file.tree.delete();
      continue;
    }
    parsed.set(path, file);
  }
  const index = buildNameIndex([...parsed.values()]);
  const detected: Detected[] = [];
  try {
    for (const [path, file] of parsed) {
      const scan: ScanFile = { path, text: texts.get(path)!, file, index };
      const root = file.tree.rootNode;
      detected.push(...detectHangfire(scan, root), ...detectQuartz(scan, root), ...detectNCronJob(scan, root), ...detectCoravel(scan, root), ...detectHostedServices(scan, root));
    }
  } finally {
    for (const file of parsed.values()) file.tree.delete();
  }
  detected.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { detected, problems, scanned, parsed: parsed.size, projects };
}
