import * as z from 'zod';
import { formatIssues } from '../../mesh/domain/format-issues';
import type { FakeSlackApi } from './fake-slack-api';
import { SlackCallFilterSchema } from './slack-call-log';
import { SlackFaultSpecSchema } from './slack-faults';
import { SlackUserSchema } from './slack-world';

/** A request under `/_sandbox/slack` (path already stripped of the mount prefix). */
export interface SlackControlRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Buffer;
}

export interface SlackControlAnswer {
  status: number;
  body: unknown;
}

const TriggerRequestSchema = z.object({ user: z.string().min(1) }).strict();

const ROUTES = [
  'GET|DELETE /_sandbox/slack/calls',
  'GET /_sandbox/slack/state',
  'POST /_sandbox/slack/reset',
  'POST /_sandbox/slack/users',
  'POST /_sandbox/slack/triggers',
  'GET|POST|DELETE /_sandbox/slack/faults',
  'POST /_sandbox/slack/respond/<id>',
];

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  if (body.length === 0) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A JSON body parsed with a schema, or the 400 answer saying what is wrong. */
function parseBody<S extends z.ZodType>(req: SlackControlRequest, schema: S): { ok: true; value: z.output<S> } | { ok: false; answer: SlackControlAnswer } {
  const json = parseJson(req.body);
  if (!json.ok) return { ok: false, answer: { status: 400, body: { message: 'The body is not valid JSON.' } } };
  const parsed = schema.safeParse(json.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, answer: { status: 400, body: { message: formatIssues(parsed.error) } } };
}

/** A response URL post: JSON as Bolt sends it, or a form with `payload=<json>`. */
function responseBody(req: SlackControlRequest): unknown {
  const text = req.body.toString('utf8');
  const payload = text.startsWith('payload=') ? new URLSearchParams(text).get('payload') : text;
  const json = parseJson(Buffer.from(payload ?? ''));
  return json.ok ? json.value : undefined;
}

/** Answer a sandbox control request of the fake Slack API (JSON in and out). */
export function handleSlackControl(req: SlackControlRequest, api: FakeSlackApi): SlackControlAnswer {
  const path = req.path.replace(/\/+$/, '');
  const respondId = /^\/_sandbox\/slack\/respond\/([\w-]+)$/.exec(path)?.[1];
  if (respondId !== undefined && req.method === 'POST') return api.respond(respondId, responseBody(req));
  switch (`${req.method} ${path}`) {
    case 'GET /_sandbox/slack/calls': {
      const filter = SlackCallFilterSchema.safeParse(Object.fromEntries(req.query));
      return filter.success ? { status: 200, body: api.calls(filter.data) } : { status: 400, body: { message: formatIssues(filter.error) } };
    }
    case 'DELETE /_sandbox/slack/calls':
      api.clear();
      return { status: 200, body: { deleted: 'all' } };
    case 'GET /_sandbox/slack/state':
      return { status: 200, body: api.state() };
    case 'POST /_sandbox/slack/reset':
      api.reset();
      return { status: 200, body: { reset: true } };
    case 'POST /_sandbox/slack/users': {
      const user = parseBody(req, SlackUserSchema);
      return user.ok ? { status: 200, body: api.addUser(user.value) } : user.answer;
    }
    case 'POST /_sandbox/slack/triggers': {
      const input = parseBody(req, TriggerRequestSchema);
      if (!input.ok) return input.answer;
      if (api.world.users[input.value.user] === undefined) return { status: 404, body: { message: `No user ${input.value.user}.` } };
      return { status: 200, body: { trigger_id: api.mintTriggerId(input.value.user) } };
    }
    case 'GET /_sandbox/slack/faults':
      return { status: 200, body: api.faults.list() };
    case 'POST /_sandbox/slack/faults': {
      const spec = parseBody(req, SlackFaultSpecSchema);
      return spec.ok ? { status: 200, body: { id: api.faults.add(spec.value) } } : spec.answer;
    }
    case 'DELETE /_sandbox/slack/faults':
      api.faults.clear();
      return { status: 200, body: { deleted: 'all' } };
    default:
      return { status: 404, body: { message: `No sandbox Slack control ${req.method} ${path}.`, routes: ROUTES } };
  }
}
