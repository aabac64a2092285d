/** Names a new user types in the first minute that used to give a repo that does not compile (design §10). */
export const TRICKY_NAMES = [
  'invoice-job', 'task', 'job-host', 'i-job', 'job-context', 'system', 'console', 'timer', 'options', 'path',
  'class', 'int', 'string', 'error', 'job', 'tests', '9-job', 'microsoft',
];
