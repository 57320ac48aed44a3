/**
 * A Node worker_threads worker for test/loading.test.ts: rebuilds the array it is sent
 * (`a.toTransferable()` data) and answers with what its own ndvec computed.
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { nd } from '../src/index.ts';
import type { TransferableArray } from '../src/interop.ts';

const port = parentPort!;
port.on('message', (t: TransferableArray) => {
  const a = nd.array(t);
  const info = nd.info();
  port.postMessage({ wasm: info.wasm, wasmReason: info.wasmReason, positiveSum: a.where(a.gt(0)).sum() });
  port.close();
});
