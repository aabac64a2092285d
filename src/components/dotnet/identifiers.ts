import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { policy } from '../../policy/index.js';
import { TEMPLATES_DIR } from '../../project/templates.js';
import { pascalCase } from '../../util/names.js';

/**
 * Keywords that code analysis rule CA1716 compares case-insensitively (Visual Basic's). The generated projects
 * build with `AnalysisMode=Recommended` and warnings as errors, so a namespace named `Class`, `Error` or `Step`
 * breaks the build although C# itself would accept it. C#'s own keywords are lowercase and PascalCase names never
 * match them. Source: roslyn-analyzers `IdentifiersShouldNotMatchKeywords.cs`.
 */
const CASE_INSENSITIVE_KEYWORDS = new Set(
  `AddHandler AddressOf Alias And AndAlso As Boolean ByRef Byte ByVal Call Case Catch CBool CByte CChar CDate CDbl CDec
  Char CInt Class CLng CObj Const Continue CSByte CShort CSng CStr CType CUInt CULng CUShort Date Decimal Declare Default
  Delegate Dim DirectCast Do Double Each Else ElseIf End Enum Erase Error Event Exit False Finally For Friend Function Get
  GetType Global GoTo Handles If Implements Imports In Inherits Integer Interface Is IsNot Lib Like Long Loop Me Mod Module
  MustInherit MustOverride MyBase MyClass Namespace Narrowing New Next Not Nothing NotInheritable NotOverridable Object Of
  On Operator Option Optional Or OrElse Overloads Overridable Overrides ParamArray Partial Private Property Protected
  Public RaiseEvent ReadOnly ReDim REM RemoveHandler Resume Return SByte Select Set Shadows Shared Short Single Static Step
  Stop String Structure Sub SyncLock Then Throw To True Try TryCast TypeOf UInteger ULong UShort Using When While Widening
  With WithEvents WriteOnly Xor`
    .split(/\s+/)
    .filter(Boolean)
    .map((k) => k.toLowerCase()),
);

/**
 * Root namespaces the generated code and projects import without writing them in a template's code
 * (implicit usings, the test project's `<Using Include="Xunit" />`), plus the app's own sub-namespaces.
 */
const IMPLICIT_NAMES = ['System', 'Microsoft', 'Xunit', 'Jobs', 'Tests'];

let reservedCache: ReadonlySet<string> | undefined;

/**
 * Every type or namespace name the generated C# refers to (`JobHost`, `IJob`, `Task`, `Console`, `Options`, `Path`,
 * `Assert`…), read from the templates themselves so that a name added to a template is reserved at once. An app
 * namespace or job class with one of these names would shadow it (CS0118, CS0234) inside the generated code.
 */
export function reservedIdentifiers(): ReadonlySet<string> {
  if (reservedCache) return reservedCache;
  const names = new Set(IMPLICIT_NAMES);
  // A namespace named like a banned type (`Timer`) would turn the analyzer's "banned, here is why" into a
  // confusing "namespace used like a type" error in the team's code.
  for (const { id } of policy.bannedSymbols) if (id.startsWith('T:')) names.add(id.split('.').pop()!);
  const dir = join(TEMPLATES_DIR, 'dotnet');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cs.hbs'))) {
    const code = readFileSync(join(dir, file), 'utf8')
      .replace(/\{\{[^}]*\}\}/g, ' ')
      .replace(/\/\/.*$/gm, ' ')
      .replace(/"(?:[^"\\\n]|\\.)*"/g, ' ');
    for (const [token] of code.matchAll(/\b[A-Z][A-Za-z0-9_]*\b/g)) names.add(token);
  }
  reservedCache = names;
  return names;
}

/** Suffixes every job class and its companions end with: an app name ending so could equal one of them. */
const JOB_TYPE_SUFFIX = /Job(Options|Tests)?$/;

function appNameConflicts(candidate: string): boolean {
  return reservedIdentifiers().has(candidate) || CASE_INSENSITIVE_KEYWORDS.has(candidate.toLowerCase()) || JOB_TYPE_SUFFIX.test(candidate);
}

/**
 * Project, assembly and root namespace of a new app: PascalCase of the repository name, with an `App` suffix when
 * that name would clash with a generated type, a namespace or type the generated code uses, a job class
 * (`invoice-job` → `InvoiceJobApp`, since the job `invoice-job` is class `InvoiceJob`) or a CA1716 keyword
 * (`class` → `ClassApp`). Depends on the repository name only, so adding a job later never moves the project.
 */
export function appIdentifier(repoName: string): string {
  const base = pascalCase(repoName);
  if (!appNameConflicts(base)) return base;
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? `${base}App` : `${base}App${i}`;
    if (!appNameConflicts(candidate)) return candidate;
  }
}

/**
 * C# class of each job (`nightly-report` → `NightlyReportJob`). Classes always end in `Job`, so none can equal the
 * app namespace (see {@link appIdentifier}); a class that would equal a generated type (`i-job` → `IJob`) or another
 * job's class, even only by case (CA1708: `a-b` and `ab`), gets one more `Job` or a number.
 */
export function jobClassNames(jobNames: readonly string[]): string[] {
  const taken = new Set<string>();
  const reserved = reservedIdentifiers();
  return jobNames.map((jobName) => {
    const base = pascalCase(jobName);
    const preferred = base.endsWith('Job') ? base : `${base}Job`;
    const candidates = [preferred, `${base}Job`];
    const free = (c: string) => !reserved.has(c) && !taken.has(c.toLowerCase());
    let chosen = candidates.find(free);
    for (let i = 2; !chosen; i++) if (free(`${preferred}${i}`)) chosen = `${preferred}${i}`;
    taken.add(chosen.toLowerCase());
    return chosen;
  });
}
