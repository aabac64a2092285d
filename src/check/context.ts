import { findRule, type Bilingual, type RuleSeverity } from '../policy/rules.js';
import { messageFields, type CheckFinding, type CheckNote } from './finding.js';
import type { RepoFiles } from './walk.js';

/** What a rule family gets: the files, and one way to report. */
export interface CheckContext {
  readonly files: RepoFiles;
  /** Whether `kubectl kustomize` may be spawned (false in memory-only runs). */
  readonly kubectl: boolean;
  /** Absolute root on disk, when the repository is on disk. */
  readonly root?: string;
  /** `message` in both languages: build it with `say` from `messages.ts`. */
  report(rule: string, file: string, line: number | undefined, message: Bilingual, extra?: { severity?: RuleSeverity; detail?: string; column?: number }): void;
  note(note: CheckNote): void;
  /** Findings a worker thread made with `report` (see `shard.ts`), added where this family would have made them. */
  adopt(findings: readonly CheckFinding[]): void;
}

export function createContext(files: RepoFiles, options: { kubectl: boolean; root?: string }): { context: CheckContext; findings: CheckFinding[] } {
  const findings: CheckFinding[] = [];
  const context: CheckContext = {
    files,
    kubectl: options.kubectl,
    root: options.root,
    report(rule, file, line, message, extra = {}) {
      const known = findRule(rule);
      if (!known) throw new Error(`rule ${rule} is not in the policy's catalogue`);
      findings.push({
        rule,
        severity: extra.severity ?? known.severity,
        file,
        ...(line !== undefined ? { line } : {}),
        ...(extra.column !== undefined ? { column: extra.column } : {}),
        ...messageFields(message),
        ...(extra.detail !== undefined ? { detail: extra.detail } : {}),
      });
    },
    note(note) {
      files.notes.push(note);
    },
    adopt(made) {
      findings.push(...made);
    },
  };
  return { context, findings };
}

/** Paths under a Helm chart's `templates/` folder (a folder holding `Chart.yaml`): Go templates, not YAML. */
export function helmTemplateRoots(paths: readonly string[]): string[] {
  return paths.filter((p) => /(^|\/)Chart\.ya?ml$/.test(p)).map((p) => `${p.slice(0, p.lastIndexOf('/') + 1)}templates/`);
}

export function isCiFile(path: string): boolean {
  return /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path) || /(^|\/)(azure-pipelines[^/]*\.ya?ml|\.gitlab-ci\.ya?ml|Jenkinsfile|bitbucket-pipelines\.ya?ml)$/.test(path);
}
