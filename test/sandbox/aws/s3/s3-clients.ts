import { S3Client } from '@aws-sdk/client-s3';
import type { TestEmulator, Who } from '../start-test-emulator';

/** Makes path-style S3 clients per identity and destroys them all at the end of a test file. */
export interface S3Pool {
  as(who: Who | 'bot'): S3Client;
  destroy(): void;
}

/** A pool of S3 clients for one emulator, path-style (`http://127.0.0.1:<port>/<bucket>/<key>`), without retries. */
export function s3Pool(emu: TestEmulator): S3Pool {
  const made: S3Client[] = [];
  return {
    as(who) {
      const client = new S3Client({ ...emu.clientConfig(who, { maxAttempts: 1 }), forcePathStyle: true });
      made.push(client);
      return client;
    },
    destroy() {
      for (const client of made) client.destroy();
    },
  };
}
