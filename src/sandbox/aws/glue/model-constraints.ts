import { AwsError } from '../aws-error';

/**
 * Length and range constraints of the Glue service model, answered as AWS answers them: the whole
 * call is refused with `ValidationException` (HTTP 400; Glue API "Common Errors": "The input fails to
 * satisfy the constraints specified by an AWS service"), e.g. "1 validation error detected: Value
 * '…' at 'partitionsToDelete' failed to satisfy constraint: Member must have length less than or equal
 * to 25" (as Glue answered BatchDeletePartition in apache/hudi#9806). Members are named in lower
 * camel case, as in that answer. AWS prints the offending value in its server's own rendering, which
 * no document defines; for a list the emulator prints how many entries it had.
 */

/** One broken constraint: the member's wire path, the value as shown, and the rule it broke. */
export interface ConstraintViolation {
  path: string;
  value: string;
  rule: string;
}

/** A list member's length against the model's `min`/`max` (e.g. `PartitionInputList` max 100). */
export function listLength(path: string, list: readonly unknown[] | undefined, bounds: { min?: number; max: number }): ConstraintViolation | undefined {
  if (list === undefined) return undefined;
  const value = `[${list.length} entries]`;
  if (bounds.min !== undefined && list.length < bounds.min) return { path, value, rule: `Member must have length greater than or equal to ${bounds.min}` };
  if (list.length > bounds.max) return { path, value, rule: `Member must have length less than or equal to ${bounds.max}` };
  return undefined;
}

/** An integer member against the model's `min`/`max` (e.g. `PageSize` 1–1000). */
export function valueRange(path: string, n: number | undefined, bounds: { min?: number; max?: number }): ConstraintViolation | undefined {
  if (n === undefined) return undefined;
  if (bounds.min !== undefined && n < bounds.min) return { path, value: String(n), rule: `Member must have value greater than or equal to ${bounds.min}` };
  if (bounds.max !== undefined && n > bounds.max) return { path, value: String(n), rule: `Member must have value less than or equal to ${bounds.max}` };
  return undefined;
}

/** Throw `ValidationException` naming every broken constraint, or return when there is none. */
export function refuseViolations(checks: readonly (ConstraintViolation | undefined)[]): void {
  const broken = checks.filter((c): c is ConstraintViolation => c !== undefined);
  if (broken.length === 0) return;
  const parts = broken.map((c) => `Value '${c.value}' at '${c.path}' failed to satisfy constraint: ${c.rule}`);
  throw new AwsError('ValidationException', `${broken.length} validation error${broken.length === 1 ? '' : 's'} detected: ${parts.join('; ')}`);
}
