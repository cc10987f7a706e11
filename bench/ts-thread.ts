import { Worker } from 'node:worker_threads';

/** A TypeScript module running in a worker thread, asked questions by message. */
export interface TsThread {
  /** Post a message and resolve with the thread's next message. */
  ask<T>(message: unknown): Promise<T>;
  /** The thread's first message (sent once it is ready). */
  ready: Promise<unknown>;
  terminate(): Promise<void>;
}

/** Start `file` (a .ts module next to this one) in a worker thread with `workerData`. */
export function startTsThread(file: string, workerData: unknown): TsThread {
  // Workers do not inherit tsx's loader, so the thread registers it before importing the .ts entry.
  const entry = JSON.stringify(new URL(file, import.meta.url).href);
  const thread = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); });`, { eval: true, workerData });
  const next = <T>(): Promise<T> =>
    new Promise((resolve, reject) => {
      thread.once('message', resolve);
      thread.once('error', reject);
    });
  const ready = next();
  return {
    ready,
    ask: <T>(message: unknown) => {
      const answer = next<T>();
      thread.postMessage(message);
      return answer;
    },
    terminate: async () => {
      await thread.terminate();
    },
  };
}
