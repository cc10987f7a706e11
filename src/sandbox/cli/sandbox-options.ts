import { parseArgs } from 'node:util';
import { z } from 'zod';
import { formatIssues } from '../../mesh/domain/format-issues';

const Port = z.coerce.number().int().min(0).max(65_535);

/** `npm run sandbox` options, from the command line and the environment. */
export const SandboxOptionsSchema = z.object({
  port: Port,
  dynamoPort: Port,
  /** undefined: keep the world in memory only. */
  persistFile: z.string().min(1).optional(),
});

export type SandboxOptions = z.infer<typeof SandboxOptionsSchema>;

/** The command line could not be understood; the message says which option and why. */
export class SandboxUsageError extends Error {
  override readonly name = 'SandboxUsageError';
}

export const SANDBOX_USAGE = 'usage: npm run sandbox -- [--port 4566] [--dynamo-port 4567] [--persist .sandbox/world.json | --no-persist]';

/** Parse `--port`, `--dynamo-port`, `--persist <file>`, `--no-persist` (env `SANDBOX_PORT`, `DYNAMO_PORT`). */
export function parseSandboxOptions(argv: string[], env: NodeJS.ProcessEnv): SandboxOptions {
  let values: { port?: string; 'dynamo-port'?: string; persist?: string; 'no-persist'?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, 'dynamo-port': { type: 'string' }, persist: { type: 'string' }, 'no-persist': { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    throw new SandboxUsageError(`${error instanceof Error ? error.message : String(error)}\n${SANDBOX_USAGE}`);
  }
  const parsed = SandboxOptionsSchema.safeParse({
    port: values.port ?? env.SANDBOX_PORT ?? 4566,
    dynamoPort: values['dynamo-port'] ?? env.DYNAMO_PORT ?? 4567,
    persistFile: values['no-persist'] === true ? undefined : (values.persist ?? '.sandbox/world.json'),
  });
  if (!parsed.success) throw new SandboxUsageError(`${formatIssues(parsed.error)}\n${SANDBOX_USAGE}`);
  return parsed.data;
}
