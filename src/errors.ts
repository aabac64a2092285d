/** Problems a user can fix by changing input; the CLI maps them to exit code 2. */
export type ProblemCode =
  | 'name-empty'
  | 'name-too-long'
  | 'name-invalid'
  | 'name-duplicate'
  | 'framework-unknown'
  | 'directory-not-empty'
  | 'directory-invalid'
  | 'directory-unprintable'
  | 'answers-unreadable'
  | 'answers-invalid'
  | 'option-unknown'
  | 'option-invalid'
  | 'argument-extra'
  | 'kind-unknown'
  | 'enum-invalid'
  | 'number-invalid'
  | 'schedule-invalid'
  | 'time-zone-invalid'
  | 'option-conflict'
  | 'secret-literal'
  | 'image-tag-invalid'
  | 'registry-invalid'
  | 'host-invalid'
  | 'port-invalid'
  | 'env-name-invalid'
  | 'key-material';

/** One invalid input field, with a valid example the message can show. */
export class InvalidInputError extends Error {
  constructor(
    readonly code: ProblemCode,
    /** The flag or option name, e.g. `name`, `framework`, `jobs[1].name`. */
    readonly field: string,
    /** The rejected value (may be empty). */
    readonly value: string,
    /** A value that would be accepted. */
    readonly example: string,
    /** Why, when the code alone does not say it (e.g. the schedule parser's reason). */
    readonly reason?: string,
  ) {
    super(`${field}: invalid value ${JSON.stringify(value)} (${code}${reason ? `: ${reason}` : ''}); example: ${example}`);
    this.name = 'InvalidInputError';
  }
}

/** The user cancelled (Ctrl+C or Esc at a prompt); exit code 130. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** An external step (npm, dotnet) failed; exit code 1 with its output shown. */
export class StepFailedError extends Error {
  constructor(
    readonly step: string,
    readonly output: string,
  ) {
    super(`${step} failed`);
    this.name = 'StepFailedError';
  }
}
