import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

/** A running local DynamoDB (dynalite, in memory) on 127.0.0.1. */
export interface LocalDynamo {
  endpoint: string;
  close(): Promise<void>;
}

/** Start dynalite on 127.0.0.1 (port 0 picks a free one). Tables are created instantly. */
export async function startDynalite(port = 0): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => {
          if (err) reject(err);
          else resolve();
        });
      }),
  };
}
