import { AwsRefusedError, MeshError } from '../errors';
import { errorCode, errorKindOf, errorMessage } from './aws-call-error';

/** Where an AWS call was made: what for, as which role, in which account. */
export interface AwsCallSite {
  /** What the mesh was doing, e.g. `create table usecase1 in the mesh catalog`. */
  doing: string;
  roleName: string;
  accountId: string;
}

/**
 * Turn whatever an AWS call threw into a MeshError saying what was being done, as whom, what AWS
 * answered and what to do; MeshErrors pass through. AWS errors never reach callers raw.
 */
export function translateAwsError(error: unknown, site: AwsCallSite): MeshError {
  if (error instanceof MeshError) return error;
  const code = errorCode(error);
  const where = `${site.doing} (as ${site.roleName} in ${site.accountId})`;
  if (code === 'AccessDenied' || code === 'AccessDeniedException') {
    return new AwsRefusedError(
      code,
      `AWS refused to ${where}: ${errorMessage(error)}`,
      `check that the ${site.roleName} role of account ${site.accountId} is deployed from Meshbot's stack and holds the Lake Formation permission this needs`,
      { cause: error },
    );
  }
  if (errorKindOf(error) !== 'final') {
    return new AwsRefusedError(code, `AWS was busy and did not ${where} (${code})`, 'try again in a minute', { cause: error });
  }
  return new AwsRefusedError(code, `AWS could not ${where}: ${code}: ${errorMessage(error)}`, 'an operator should look at this error in the logs', {
    cause: error,
  });
}

/** Run an AWS call, translating any failure with translateAwsError. */
export async function callAws<T>(site: AwsCallSite, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw translateAwsError(error, site);
  }
}
