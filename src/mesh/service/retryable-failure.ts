import { errorKind } from '../aws/aws-call-error';
import { AwsRefusedError, MeshError } from '../errors';

/**
 * Whether work that failed with `error` may succeed when run again as it is: anything that is not a
 * mesh refusal (a DynamoDB or STS outage, a network failure, a bug), or AWS answering that it was busy
 * or unsure (throttling, a server fault). A refusal is the answer: running it again changes nothing.
 */
export function isRetryableFailure(error: unknown): boolean {
  if (!(error instanceof MeshError)) return true;
  return error instanceof AwsRefusedError && errorKind(error.awsCode) !== 'final';
}
