import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

/** A running local DynamoDB (dynalite, in memory) on 127.0.0.1. */
export interface LocalDynamo {
  endpoint: string;
  /** The DynamoDB operations received so far, in order (`PutItem`, `Query`…), read off the wire. */
  operations: string[];
  close(): Promise<void>;
}

/** Start dynalite on 127.0.0.1 (port 0 picks a free one), in memory or kept in the folder `path`. Tables are created instantly. */
export async function startDynalite(port = 0, path?: string): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(path !== undefined && { path }) });
  const operations: string[] = [];
  server.on('request', (request: IncomingMessage) => {
    const target = request.headers['x-amz-target'];
    if (typeof target === 'string') operations.push(target.replace(/^DynamoDB_\d+\./, ''));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${actual}`,
    operations,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => {
          if (err) reject(err);
          else resolve();
        });
      }),
  };
}
