/**
 * Worker-thread entry of the scaling-law fit pool: runs chunks of the multi-start search or of the
 * bootstrap with the same core functions as the single-threaded path, so the numbers are identical.
 * Built by scripts/build.mjs to dist/law-fit-worker.js, next to the CLI bundle.
 */
import { parentPort } from 'node:worker_threads';
import { runOneStepResamples, runResamples } from '../core/fit/bootstrap.js';
import { runStarts } from '../core/fit/multi-start.js';
import type { WorkerRequest, WorkerResponse } from './law-fit-protocol.js';

if (!parentPort) throw new Error('law-fit-worker must run as a worker thread');
const port = parentPort;

port.on('message', (request: WorkerRequest) => {
  try {
    if (request.kind === 'starts') {
      const count = request.points.length / 5;
      const batch = runStarts(request.data, { size: count, points: request.points }, 0, count, request);
      batch.from = request.offset;
      batch.to = request.offset + count;
      const response: WorkerResponse = { kind: 'starts', id: request.id, batch };
      port.postMessage(response, buffers(batch.values, batch.thetas, batch.reasons, batch.iterations, batch.evaluations));
    } else {
      const batch =
        request.kind === 'resamples'
          ? runResamples(request.data, request.start, request.from, request.to, request)
          : runOneStepResamples(request.plan, request.from, request.to, request.seed);
      const response: WorkerResponse = { kind: request.kind, id: request.id, batch };
      port.postMessage(response, buffers(batch.thetas, batch.reasons));
    }
  } catch (error) {
    const response: WorkerResponse = { kind: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) };
    port.postMessage(response);
  }
});

/** The (non-shared) buffers of freshly allocated typed arrays, to transfer instead of copy. */
function buffers(...arrays: { buffer: ArrayBufferLike }[]): ArrayBuffer[] {
  return arrays.map((array) => array.buffer as ArrayBuffer);
}
