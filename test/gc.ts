/**
 * Garbage collection for the memory tests (test/memory-*.test.ts): V8's `gc()`, exposed
 * here, and a collection that lets the FinalizationRegistry callbacks run.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
/** V8's `gc()`. */
export const gc = runInNewContext('gc') as () => void;

/** Collects garbage and lets the FinalizationRegistry callbacks run (they need the job to end). */
export async function collect(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
