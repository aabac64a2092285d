#!/usr/bin/env node
import { enableCompileCache } from 'node:module';

// See create.ts: the compile cache first, then the command's code (which itself loads only what the command needs).
enableCompileCache();
await import('./batch-job-main.js');
