import { AwsError } from '../aws-error';

/** One page of a list and the token for the next, if any. */
export interface Page<T> {
  items: T[];
  nextToken: string | undefined;
}

/**
 * Cut one page out of a stably ordered list. Tokens are opaque to clients: a base64url offset bound
 * to the operation, so a token from another list is refused rather than silently misread.
 */
export function paginate<T>(all: T[], options: { scope: string; token: string | undefined; size: number; badTokenCode: string }): Page<T> {
  let offset = 0;
  if (options.token !== undefined) {
    const decoded = Buffer.from(options.token, 'base64url').toString('utf8');
    const match = /^(.+):(\d+)$/.exec(decoded);
    if (!match || match[1] !== options.scope) throw new AwsError(options.badTokenCode, 'The pagination token is invalid.');
    offset = Number(match[2]);
  }
  const items = all.slice(offset, offset + options.size);
  const next = offset + options.size;
  return { items, nextToken: next < all.length ? Buffer.from(`${options.scope}:${next}`, 'utf8').toString('base64url') : undefined };
}
