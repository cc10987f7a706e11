import * as z from 'zod';
import { InvalidInputError } from '../errors';

/** A page of a list, newest first, with an opaque cursor for the next page when there is one. */
export interface Page<T> {
  items: T[];
  cursor?: string;
}

/** How much of a list to read: `limit` items (default 25, at most 100) after `cursor`. */
export interface PageRequest {
  limit?: number;
  cursor?: string;
}

const KeySchema = z.record(z.string(), z.string());

/** Encode DynamoDB's LastEvaluatedKey as an opaque cursor safe in Slack button values. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

/** Decode a cursor back to an ExclusiveStartKey; a tampered or truncated cursor is refused. */
export function decodeCursor(cursor: string | undefined): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  try {
    return KeySchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new InvalidInputError({ reason: 'invalid_page_cursor', params: { cursor }, path: ['cursor'], message: `${JSON.stringify(cursor)} is not a valid page cursor`, hint: 'start again from the first page' });
  }
}

/** The page size to ask DynamoDB for. */
export function pageLimit(request: PageRequest | undefined): number {
  return Math.min(Math.max(request?.limit ?? 25, 1), 100);
}

/** Every item of a paged list: reads pages of 100 until the last. */
export async function readAllPages<T>(read: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read({ limit: 100, ...(cursor !== undefined && { cursor }) });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return all;
}
