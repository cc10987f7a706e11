import type { Caller } from '../operation';
import type { World } from '../world';
import type { IamCheck } from './iam-check';

// Sources: Service Authorization Reference ("Actions, resources, and condition keys" per service): each
// call maps to the actions and resource ARNs listed there.

/** A call as the IAM mapping sees it: the operation, its validated input, the world as the call found it. */
export interface MappedCall {
  operation: string;
  input: unknown;
  world: World;
  caller: Caller;
  region: string;
}

/** A service's mapping from an emulated operation to the IAM checks AWS makes for it. */
export type ActionMapping = (call: MappedCall) => IamCheck[];

/** A string member of a validated input (`DatabaseName`, `TableInput.Name` …), if present. */
export function member(input: unknown, ...path: string[]): string | undefined {
  let value: unknown = input;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** An array member of a validated input, if present. */
export function members(input: unknown, key: string): unknown[] {
  const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined;
  return Array.isArray(value) ? (value as unknown[]) : [];
}
