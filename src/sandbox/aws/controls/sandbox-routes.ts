import * as z from 'zod';
import { formatIssues } from '../../../mesh/domain/format-issues';
import { RamAssociationDelaySchema } from '../world';
import type { WireRequest } from '../wire/wire-request';
import type { WireResponse } from '../wire/wire-response';
import { CallFilterSchema } from './call-log';
import type { EmulatorControls } from './emulator-controls';
import { FaultSpecSchema } from './fault-registry';

// Sources: none — the sandbox controls (`/_sandbox/…`) are the emulator's own API, not AWS's.

const AdvanceSchema = z.object({ seconds: z.number().positive() }).strict();
const AssociationDelaySchema = z.object({ ms: RamAssociationDelaySchema }).strict();

function json(status: number, body: unknown): WireResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

function badRequest(message: string): WireResponse {
  return json(400, { message });
}

/** Parse a JSON body with a schema; a 400 response saying what is wrong otherwise. */
function parseBody<S extends z.ZodType>(req: WireRequest, schema: S): { ok: true; value: z.infer<S> } | { ok: false; response: WireResponse } {
  let raw: unknown;
  try {
    raw = req.body.length === 0 ? {} : JSON.parse(req.body.toString('utf8'));
  } catch {
    return { ok: false, response: badRequest('The body is not valid JSON.') };
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, response: badRequest(formatIssues(parsed.error)) };
}

/**
 * `GET /_sandbox/changes`: two counters that move whenever the world may have, cheap to poll. A
 * control of the sandbox, not an AWS API: AWS documents nothing like it, so no AWS rule applies.
 */
export function changesOf(controls: EmulatorControls): { sequence: number; calls: number } {
  return { sequence: controls.worldSequence(), calls: controls.calls.recorded() };
}

function clockView(controls: EmulatorControls): unknown {
  const now = controls.clock.now();
  return { now: new Date(now).toISOString(), nowMs: now, offsetSeconds: controls.state().clockOffsetMs / 1000 };
}

const ROUTES = [
  'GET /_sandbox/accounts',
  'GET|POST|DELETE /_sandbox/faults',
  'DELETE /_sandbox/faults/<id>',
  'GET|DELETE /_sandbox/calls',
  'GET /_sandbox/calls/counts',
  'GET /_sandbox/clock',
  'POST /_sandbox/clock/advance',
  'GET|POST /_sandbox/ram/association-delay',
  'GET /_sandbox/state',
  'GET /_sandbox/changes',
  'POST /_sandbox/reset',
];

/** Answer a request under `/_sandbox/` (JSON in and out). */
export function handleSandboxRequest(req: WireRequest, controls: EmulatorControls): WireResponse {
  const route = `${req.method} ${req.path.replace(/\/+$/, '')}`;
  const faultId = /^DELETE \/_sandbox\/faults\/([\w-]+)$/.exec(route)?.[1];
  if (faultId !== undefined) {
    return controls.faults.remove(faultId) ? json(200, { deleted: faultId }) : json(404, { message: `No fault ${faultId}.` });
  }
  switch (route) {
    case 'GET /_sandbox/accounts':
      return json(200, controls.accounts());
    case 'GET /_sandbox/faults':
      return json(200, controls.faults.list());
    case 'POST /_sandbox/faults': {
      const spec = parseBody(req, FaultSpecSchema);
      return spec.ok ? json(200, { id: controls.faults.add(spec.value) }) : spec.response;
    }
    case 'DELETE /_sandbox/faults':
      controls.faults.clear();
      return json(200, { deleted: 'all' });
    case 'GET /_sandbox/calls':
    case 'GET /_sandbox/calls/counts': {
      const query = Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
      const filter = CallFilterSchema.safeParse(query);
      if (!filter.success) return badRequest(formatIssues(filter.error));
      return json(200, route.endsWith('/counts') ? controls.calls.counts(filter.data) : controls.calls.list(filter.data));
    }
    case 'DELETE /_sandbox/calls':
      controls.calls.clear();
      return json(200, { deleted: 'all' });
    case 'GET /_sandbox/clock':
      return json(200, clockView(controls));
    case 'POST /_sandbox/clock/advance': {
      const advance = parseBody(req, AdvanceSchema);
      if (!advance.ok) return advance.response;
      controls.clock.advance(advance.value.seconds);
      return json(200, clockView(controls));
    }
    case 'GET /_sandbox/ram/association-delay':
      return json(200, { ms: controls.ramAssociationDelay.get() });
    case 'POST /_sandbox/ram/association-delay': {
      const delay = parseBody(req, AssociationDelaySchema);
      if (!delay.ok) return delay.response;
      controls.ramAssociationDelay.set(delay.value.ms);
      return json(200, { ms: controls.ramAssociationDelay.get() });
    }
    case 'GET /_sandbox/state':
      return json(200, controls.state());
    case 'GET /_sandbox/changes':
      return json(200, changesOf(controls));
    case 'POST /_sandbox/reset':
      controls.reset();
      return json(200, { reset: true });
    default:
      return json(404, { message: `No sandbox control ${route}.`, routes: ROUTES });
  }
}
