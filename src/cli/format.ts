import type { InvalidInputError } from '../errors.js';
import type { Messages } from './i18n.js';

/** One line: the field, the rejected value, why, and a value that works. */
export function formatProblem(error: InvalidInputError, msgs: Messages): string {
  const value = error.value === '' ? '' : ` ${JSON.stringify(error.value)}`;
  return `${error.field}${value} ${msgs.problem[error.code]} (${msgs.example}: ${error.example})`;
}
