import * as z from 'zod';
import { AwsError } from '../aws-error';
import { type CallContext, operation } from '../operation';
import { CatalogIdSchema, PermissionChangeSchema } from './lf-inputs';
import { grantOne, revokeOne } from './permission-change';

// Sources: AWS Lake Formation API Reference, "BatchGrantPermissions" / "BatchRevokePermissions"
// (Entries 0–20 in the service model; per-entry Failures in a 200 answer).

/** Lake Formation takes at most 20 entries per BatchGrantPermissions / BatchRevokePermissions call. */
export const BATCH_PERMISSIONS_MAX = 20;

const EntrySchema = PermissionChangeSchema.extend({ Id: z.string().min(1).max(255) });

export const BatchPermissionsInputSchema = z.object({ CatalogId: CatalogIdSchema, Entries: z.array(EntrySchema) });

type Entry = z.infer<typeof EntrySchema>;
type Failure = { RequestEntry: Entry; Error: { ErrorCode: string; ErrorMessage: string } };

/**
 * Apply each entry independently: an entry that fails (or that the sandbox's faults fail) is
 * reported in `Failures` and changes nothing, the others take effect, and the answer is a 200.
 * Too many entries or repeated ids refuse the whole call.
 */
function applyEach(ctx: CallContext, input: z.infer<typeof BatchPermissionsInputSchema>, apply: typeof grantOne): { Failures: Failure[] } {
  if (input.Entries.length > BATCH_PERMISSIONS_MAX) {
    throw new AwsError('InvalidInputException', `Entries: at most ${BATCH_PERMISSIONS_MAX} entries per call (got ${input.Entries.length}).`);
  }
  const ids = input.Entries.map((e) => e.Id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated !== undefined) throw new AwsError('InvalidInputException', `Entries: entry Id ${repeated} is used more than once; ids must be unique within a call.`);
  const defaultCatalogId = input.CatalogId ?? ctx.caller.accountId;
  const failures: Failure[] = [];
  for (const entry of input.Entries) {
    const fault = ctx.entryFault();
    try {
      if (fault) throw new AwsError(fault.code, fault.message);
      apply(ctx, entry, defaultCatalogId);
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      failures.push({ RequestEntry: entry, Error: { ErrorCode: error.code, ErrorMessage: error.message } });
    }
  }
  return { Failures: failures };
}

/** BatchGrantPermissions: up to 20 independent grants, per-entry failures in a 200 answer. */
export const batchGrantPermissions = operation(BatchPermissionsInputSchema, (ctx, input) => applyEach(ctx, input, grantOne));

/** BatchRevokePermissions: up to 20 independent revokes, per-entry failures in a 200 answer. */
export const batchRevokePermissions = operation(BatchPermissionsInputSchema, (ctx, input) => applyEach(ctx, input, revokeOne));
