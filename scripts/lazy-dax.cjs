// Stands in for dax in the create bundle (scripts/bundle.ts): projen's task runner imports dax (a shell for running
// tasks) at load, which took 17 ms of every create, and a create runs no task. dax is loaded on first use instead,
// from projen's own copy (a bundled dependency of projen, so always found from projen's folder). projen reads dax
// only as `require('dax').$` (projen/lib/util/dax.js), so property reads and `in` are forwarded. In the bundle,
// `__filename` is the chunk's (the bundle's banner defines it); here, this file's.
const { createRequire } = require('node:module');

let dax;
const load = () => (dax ??= createRequire(createRequire(__filename).resolve('projen/package.json'))('dax'));

module.exports = new Proxy(
  {},
  {
    get: (_, key) => load()[key],
    has: (_, key) => key in load(),
  },
);
