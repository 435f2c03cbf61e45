import { parentPort } from 'node:worker_threads';
import { say } from '../../../shared/messages';
import { capabilities, processImage } from './process';
import {
  PhotoError,
  photoErrorData,
  type PhotoErrorData,
  type WorkerRequest,
  type WorkerResponse,
} from './protocol';

/**
 * A photo worker: answers {@link WorkerRequest}s one at a time. Every failure, expected (a bad
 * file) or not (a bug), goes back as `{ ok: false, error }` data; nothing is allowed to throw out
 * of the message handler: an uncaught error would kill the worker, and the pool would have to
 * start another (it does, but the photo in hand would only be reported as "internal").
 */

if (!parentPort) throw new Error('photos/worker must run in a worker thread');
const port = parentPort;

port.on('message', (request: WorkerRequest) => {
  void answer(request).then((response) => {
    // Hand the encoded JPEGs over instead of copying them (process.ts gives them own buffers).
    const transfer: ArrayBuffer[] = [];
    if (response.ok && 'listing' in response.value) {
      for (const image of [response.value.listing, response.value.thumb]) {
        if (image.data.buffer instanceof ArrayBuffer) transfer.push(image.data.buffer);
      }
    }
    port.postMessage(response, transfer);
  });
});

async function answer(request: WorkerRequest): Promise<WorkerResponse> {
  try {
    switch (request.method) {
      case 'process':
        return { id: request.id, ok: true, value: await processImage(request.params) };
      case 'capabilities':
        return { id: request.id, ok: true, value: capabilities() };
      default: {
        const unknown: never = request;
        return { id: (unknown as { id: number }).id, ok: false, error: internal(unknown) };
      }
    }
  } catch (error) {
    return { id: request.id, ok: false, error: toErrorData(error) };
  }
}

function toErrorData(error: unknown): PhotoErrorData {
  if (error instanceof PhotoError) return error.toData();
  return internal(error);
}

function internal(error: unknown): PhotoErrorData {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return photoErrorData('internal', say('photos.not_processed'), detail);
}
