import * as z from 'zod';
import type { SlackState } from './slack-state';
import type { SlackWorld } from './slack-world';

/** What a Web API method answers: `{ ok: true, … }` or `{ ok: false, error, response_metadata? }`. */
export type ApiResult =
  | ({ ok: true } & Record<string, unknown>)
  | { ok: false; error: string; response_metadata?: { messages: string[] } };

/** What a method works on. */
export interface MethodContext {
  world: SlackWorld;
  state: SlackState;
  now(): number;
}

/** A Web API method: decoded arguments in, a Slack answer out. */
export type MethodHandler = (args: Record<string, unknown>, ctx: MethodContext) => ApiResult;

/** A refusal as Slack words it. */
export function fail(error: string, messages?: string[]): ApiResult {
  return messages === undefined || messages.length === 0 ? { ok: false, error } : { ok: false, error, response_metadata: { messages } };
}

/** A method whose arguments are parsed with a schema first; a parse failure is `invalid_arguments` with Slack-style messages. */
export function defineMethod<S extends z.ZodType<Record<string, unknown>>>(schema: S, handler: (args: z.output<S>, ctx: MethodContext) => ApiResult): MethodHandler {
  return (raw, ctx) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return fail(
        'invalid_arguments',
        parsed.error.issues.map((i) => `[ERROR] ${i.message} [json-pointer:/${i.path.map(String).join('/')}]`),
      );
    }
    return handler(parsed.data, ctx);
  };
}

/** A boolean as a form sends it (`"true"`, `"1"`) or as JSON does. */
export const FormBoolean = z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]);

/** A number as a form sends it (`"20"`) or as JSON does. */
export const FormNumber = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

// Arguments the WebClient JSON-encodes when posting a form; decoded once before dispatch.
const JSON_ARGUMENTS = ['blocks', 'attachments', 'view', 'metadata'];

/** Decode the JSON-encoded arguments of a form post; a value that is not JSON stays a string (the method refuses it). */
export function decodeArguments(args: Record<string, unknown>): Record<string, unknown> {
  const decoded: Record<string, unknown> = { ...args };
  for (const key of JSON_ARGUMENTS) {
    const value = decoded[key];
    if (typeof value !== 'string') continue;
    try {
      decoded[key] = JSON.parse(value) as unknown;
    } catch {
      // Left as the string: the method answers invalid_blocks_format / invalid_arguments.
    }
  }
  return decoded;
}
