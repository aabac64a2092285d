import type { Lang } from '../cli/i18n.js';
import type { Bilingual, RuleSeverity } from '../policy/rules.js';

/** One rule broken at one place. Paths are repository-relative with `/` separators. */
export interface CheckFinding {
  /** Catalogue rule id (`src/policy/rules.ts`). */
  readonly rule: string;
  readonly severity: RuleSeverity;
  readonly file: string;
  /** 1-based; absent when the finding is about the file as a whole (e.g. a missing `.dockerignore`). */
  readonly line?: number;
  readonly column?: number;
  /** English detail naming the exact field, package or symbol; never a secret's value. */
  readonly message: string;
  /** The same detail in Spanish (`messageIn` picks by language; findings made outside `check` may lack it). */
  readonly messageEs?: string;
  /** The validator's own rule id when the finding comes from `src/validation/` (e.g. `container-resources`). */
  readonly detail?: string;
}

export type NoteKind = 'too-large' | 'binary' | 'unreadable' | 'symlink-outside' | 'helm-templates' | 'kustomize-raw' | 'kustomize-failed' | 'file-limit' | 'yaml-invalid';

/** Something the check did not (fully) look at, so a reader knows the report's limits. */
export interface CheckNote {
  readonly kind: NoteKind;
  readonly file?: string;
  /** English. */
  readonly message: string;
  readonly messageEs?: string;
}

/** A finding's or note's text in the report language. */
export function messageIn(item: { readonly message: string; readonly messageEs?: string }, lang: Lang): string {
  return lang === 'es' ? (item.messageEs ?? item.message) : item.message;
}

/** The fields of a finding or note that carry `text`. */
export function messageFields(text: Bilingual): { message: string; messageEs: string } {
  return { message: text.en, messageEs: text.es };
}

/** A finding an exemption silenced, kept for the JSON report so reviewers see what is waived. */
export interface ExemptedFinding extends CheckFinding {
  readonly justification: string;
  readonly expires: string;
}

/** The result for one repository (or one scanned folder). */
export interface RepoReport {
  /** Display name: the folder name, or `.` for the current directory. */
  readonly name: string;
  /** Absolute path that was scanned. */
  readonly root: string;
  readonly filesScanned: number;
  readonly findings: readonly CheckFinding[];
  readonly exempted: readonly ExemptedFinding[];
  readonly notes: readonly CheckNote[];
}

export function sortFindings<T extends CheckFinding>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.rule.localeCompare(b.rule));
}
