import type { InvalidInputError } from '../errors.js';
import type { Messages } from './i18n.js';
import { looksLikeKeyMaterial } from '../util/secrets.js';

/** One line: the field, the rejected value, why, and a value that works. */
export function formatProblem(error: InvalidInputError, msgs: Messages, flag?: string): string {
  // A key pasted into the wrong field must not end up in a terminal or CI log either.
  const value = error.value === '' || looksLikeKeyMaterial(error.value) ? '' : ` ${JSON.stringify(error.value)}`;
  const reason = error.reason ? `: ${error.reason}` : '';
  const field = flag ? `${flag} (${error.field})` : error.field;
  return `${field}${value} ${msgs.problem[error.code]}${reason} (${msgs.example}: ${error.example})`;
}
