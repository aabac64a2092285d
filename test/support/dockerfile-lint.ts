/** Lints Dockerfile text with dockerfile-utils (the validator behind the VS Code Docker extension). */
import { validate, ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';

export interface DockerfileDiagnostic {
  /** 1-based line. */
  readonly line: number;
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
  readonly code: string | undefined;
  readonly message: string;
}

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' } as const;

/** Every problem dockerfile-utils reports, warnings included (default settings unless overridden). */
export function lintDockerfile(content: string, settings?: ValidatorSettings): DockerfileDiagnostic[] {
  return validate(content, settings).map((d) => ({
    line: d.range.start.line + 1,
    severity: SEVERITY[(d.severity ?? 1) as 1 | 2 | 3 | 4],
    code: d.code === undefined ? undefined : String(d.code),
    message: typeof d.message === 'string' ? d.message : d.message.value,
  }));
}

/** Human-readable list, one diagnostic per line, for assertion messages. */
export function formatDiagnostics(diagnostics: readonly DockerfileDiagnostic[]): string {
  return diagnostics.map((d) => `line ${d.line} ${d.severity}${d.code ? ` [${d.code}]` : ''}: ${d.message}`).join('\n');
}

export { ValidationSeverity };
