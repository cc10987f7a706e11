import { AwsError } from '../aws-error';

/** Lake Formation's refusal for a caller without the rights: `AccessDeniedException`, HTTP 403 as its model says. */
export function lfAccessDenied(message: string): AwsError {
  return new AwsError('AccessDeniedException', message, 403);
}
