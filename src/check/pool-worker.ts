import { enableCompileCache } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { SharedWork, ValidateWork } from './pool.js';

// One worker of `pool.ts`: phase 1 (facts of the files it claims) at once, phase 2 (validation) when the pins
// arrive. The check's modules are imported after the compile cache is on, so a warm run loads them compiled.
const work = workerData as SharedWork;
if (work.compileCacheDir !== undefined) enableCompileCache(work.compileCacheDir);
const { Shard } = await import('./shard.js');
const shard = new Shard(work.root, work.maxBytes, work.helmRoots, work.keepManifests);
parentPort!.postMessage(shard.facts(work.paths, work.counter));
parentPort!.once('message', (job: ValidateWork) => parentPort!.postMessage(shard.validate(job.manifests, job.claimed, job.pins)));
