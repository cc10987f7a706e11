import { createServer } from 'node:net';

/** Whether nothing listens on 127.0.0.1:`port` right now. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => {
      resolve(false);
    });
    probe.listen(port, '127.0.0.1', () => {
      probe.close(() => {
        resolve(true);
      });
    });
  });
}

/** The preferred port when it is free, else 0 (any free port), saying so: a local start never fails on a taken port. */
export async function pickPort(what: string, preferred: number, say: (line: string) => void): Promise<number> {
  if (preferred === 0 || (await isPortFree(preferred))) return preferred;
  say(`  ${what}: port ${String(preferred)} is already in use; using a free port instead.`);
  return 0;
}
