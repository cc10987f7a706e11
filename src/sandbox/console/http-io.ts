import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http/read-body';
import type * as z from 'zod';
import { formatIssues } from '../../mesh/domain/format-issues';

// The console's bodies are small: a command, a click, a modal's inputs.
const MAX_BODY_BYTES = 256 * 1024;

/** A request the console refuses, with the HTTP status and the sentence the page shows. */
export class ConsoleRequestError extends Error {
  override readonly name = 'ConsoleRequestError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Send a JSON answer. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

/** Send a file's text with its type. */
export function sendText(res: ServerResponse, contentType: string, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-cache', ...headers });
  res.end(text);
}

async function readText(req: IncomingMessage): Promise<string> {
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === undefined) throw new ConsoleRequestError(413, `The body is larger than ${String(MAX_BODY_BYTES / 1024)} kB.`);
  return body.toString('utf8');
}

/** Read a JSON body and parse it with `schema`; a bad body is a 400 saying what is wrong, field by field. */
export async function readJsonBody<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.infer<S>> {
  const text = await readText(req);
  let json: unknown;
  try {
    json = JSON.parse(text === '' ? '{}' : text);
  } catch {
    throw new ConsoleRequestError(400, 'The body is not JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ConsoleRequestError(400, formatIssues(parsed.error));
  return parsed.data;
}
