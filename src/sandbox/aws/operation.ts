import type * as z from 'zod';
import type { CallIam } from './iam/authorize-call';
import type { World } from './world';

// Sources: none of its own — the shape every handler shares; callers are resolved from SigV4
// credentials (IAM User Guide, "Signature Version 4").

/** Who is calling, resolved from the SigV4 access key. */
export interface Caller {
  accountId: string;
  /** `arn:aws:iam::A:user/N` or `arn:aws:sts::A:assumed-role/R/session`. */
  arn: string;
  /** The IAM principal Lake Formation permissions attach to: the user ARN or the role ARN. */
  principalArn: string;
  accessKeyId: string;
  roleName?: string;
  sessionName?: string;
  sourceIdentity?: string;
}

/** A fault that the sandbox controls asked to inject into one entry of a batch operation. */
export interface EntryFault {
  code: string;
  message: string;
}

/** What an operation handler gets besides its parsed input. */
export interface CallContext {
  world: World;
  caller: Caller;
  /** Emulator clock, epoch milliseconds (wall clock plus the sandbox's advance offset). */
  now(): number;
  region: string;
  requestId: string;
  /** Next id from the world's sequence (versions, grant ids, share ids): unique across the world. */
  nextId(): string;
  /** IAM's decisions for this call, evaluated before the handler (the refused ones never reach it). */
  iam: CallIam;
  /**
   * Batch operations ask this once per entry: a fault configured for per-entry failures of this
   * operation and account, or undefined.
   */
  entryFault(): EntryFault | undefined;
}

/**
 * One operation of an emulated service: the zod schema of its input (a parse failure becomes the
 * service's validation error) and its handler. Handlers mutate `ctx.world` and return the response
 * body as the SDK expects it; they throw `AwsError` for service errors.
 */
export interface Operation<S extends z.ZodType = z.ZodType> {
  input: S;
  handle(ctx: CallContext, input: z.infer<S>): unknown;
}

/** Build an `Operation` with its input type inferred from the schema. */
export function operation<S extends z.ZodType>(input: S, handle: (ctx: CallContext, input: z.infer<S>) => unknown): Operation<S> {
  return { input, handle };
}

/** A service's operations by their API name (e.g. `GetTables`, `BatchGrantPermissions`). */
export type ServiceOperations = Record<string, Operation>;
