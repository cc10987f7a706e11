import * as z from 'zod';
import { formatIssues } from '../../../mesh/domain/format-issues';
import type { Emulator } from '../emulator';
import { WorldSchema, type World } from '../world';
import type { SandboxAccountKeys } from './emulator-controls';
import { changesOf } from './sandbox-routes';

// The AWS documentation is silent here: this is a view of the sandbox's own controls (`/_sandbox/`),
// not of an AWS API, so no AWS documentation or service model describes it and no AWS rule applies.

/**
 * The sandbox's AWS side as `npm start` and the console use it: the emulator in this process, or one
 * that `npm run sandbox` runs, reached through its `/_sandbox/` controls.
 */
export interface SandboxAws {
  /** The emulator's endpoint, for every SDK client. */
  endpoint: string;
  accounts(): Promise<SandboxAccountKeys[]>;
  /** The world, session secrets left out. */
  state(): Promise<World>;
  /** A value that changes whenever the world may have (new calls, new ids), cheap to poll. */
  changeMark(): Promise<string>;
  /** Back to the seed world; faults and the call log cleared. */
  reset(): Promise<void>;
}

/** One string of the change counters, to compare with the last one seen. */
const markOf = ({ sequence, calls }: { sequence: number; calls: number }): string => `${String(sequence)}:${String(calls)}`;

/** The emulator running in this process. */
export function localSandboxAws(emulator: Emulator): SandboxAws {
  const { controls } = emulator;
  return {
    endpoint: emulator.endpoint,
    accounts: () => Promise.resolve(controls.accounts()),
    state: () => Promise.resolve(controls.state()),
    changeMark: () => Promise.resolve(markOf(changesOf(controls))),
    reset: () => {
      controls.reset();
      return Promise.resolve();
    },
  };
}

/** Nothing that answers like the sandbox's emulator is at the given endpoint. */
export class SandboxUnreachableError extends Error {
  override readonly name = 'SandboxUnreachableError';
}

const AccountsSchema = z.array(z.object({ accountId: z.string(), name: z.string(), accessKeyId: z.string(), secretAccessKey: z.string() }));
const ChangesSchema = z.object({ sequence: z.number(), calls: z.number() });

/**
 * A running sandbox's emulator, over HTTP. Resolves once `GET /_sandbox/accounts` answers as the
 * sandbox does; otherwise rejects with a SandboxUnreachableError saying how to start one.
 */
export async function remoteSandboxAws(endpoint: string, fetchImpl: typeof fetch = fetch): Promise<SandboxAws> {
  const call = async <S extends z.ZodType>(path: string, schema: S, init?: RequestInit): Promise<z.infer<S>> => {
    let response: Response;
    try {
      response = await fetchImpl(`${endpoint}/_sandbox/${path}`, { ...init, signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      throw new SandboxUnreachableError(`No sandbox answers at ${endpoint} (${error instanceof Error ? error.message : String(error)}): start one with npm run sandbox, or leave out --aws-endpoint.`);
    }
    const body: unknown = await response.json().catch(() => undefined);
    const parsed = schema.safeParse(body);
    if (!response.ok || !parsed.success) {
      throw new SandboxUnreachableError(`${endpoint} is not a Meshbot sandbox emulator: /_sandbox/${path} answered ${String(response.status)}${parsed.success ? '' : ` (${formatIssues(parsed.error)})`}.`);
    }
    return parsed.data;
  };
  await call('accounts', AccountsSchema);
  return {
    endpoint,
    accounts: () => call('accounts', AccountsSchema),
    state: () => call('state', WorldSchema),
    changeMark: async () => markOf(await call('changes', ChangesSchema)),
    reset: async () => {
      await call('reset', z.object({ reset: z.literal(true) }), { method: 'POST' });
    },
  };
}
