/** Whether an error is "address already in use". */
function inUse(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EADDRINUSE';
}

/**
 * Start a server on its preferred port; if that port is taken, say so and take a free one instead,
 * so a local start never fails because something else holds the port.
 */
export async function listenOrFallback<T>(what: string, port: number, start: (port: number) => Promise<T>, say: (line: string) => void): Promise<T> {
  try {
    return await start(port);
  } catch (error) {
    if (!inUse(error) || port === 0) throw error;
    say(`  ${what}: port ${port} is already in use; using a free port instead.`);
    return start(0);
  }
}
