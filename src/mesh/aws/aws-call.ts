import { AwsRefusedError } from '../errors';
import { errorCode, NOT_FOUND_CODES } from './aws-call-error';
import { retryRefused, type RetryOptions } from './retry-refused';
import { callAws, type AwsCallSite } from './translate-aws-error';

/**
 * How every adapter of src/mesh/aws calls AWS, so they share one habit: each call is retried while
 * AWS refuses it before acting (retryRefused), any failure reaches the caller translated
 * (translateAwsError), "no such thing" on a read is an absent answer, and "already exists" on a
 * create is a create that was not needed.
 */

/** The role session an adapter acts through (for error messages), and how hard it retries refusals. */
export interface AdapterSite extends Omit<AwsCallSite, 'doing'> {
  retry?: RetryOptions;
}

/** An adapter's role session: the SDK client it sends with, and its site. */
export interface AdapterSession<Client> extends AdapterSite {
  client: Client;
}

/** Send one AWS call: retried while AWS refuses it before acting, any failure translated to a MeshError saying it was `doing`. */
export function sendAws<T>(site: AdapterSite, doing: string, send: () => Promise<T>): Promise<T> {
  return callAws({ doing, roleName: site.roleName, accountId: site.accountId }, () => retryRefused(send, site.retry));
}

/** AWS's error code, whether the SDK threw the error or it was translated already. */
function awsCodeOf(error: unknown): string {
  return error instanceof AwsRefusedError ? error.awsCode : errorCode(error);
}

/** Whether an error (as the SDK threw it, or translated) says the thing asked for does not exist (NOT_FOUND_CODES). */
export function isNotFound(error: unknown): boolean {
  return NOT_FOUND_CODES.has(awsCodeOf(error));
}

/** A read's answer, or undefined when AWS says the thing does not exist: absence is an answer, and the caller decides what it means. */
export async function orAbsent<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Whether a create created: false when AWS says it already exists (a concurrent creator, or an earlier attempt, was first). */
export async function created(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (awsCodeOf(error) === 'AlreadyExistsException') return false;
    throw error;
  }
}
