// Starts test/loading-worker.ts under tsx: on Node 20 a worker_threads Worker does not get
// the `--import tsx` hook of the test process for its own entry file.
import { register } from 'tsx/esm/api';

register();
await import('./loading-worker.ts');
