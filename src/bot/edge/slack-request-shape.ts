import * as z from 'zod';

// What a Slack request must hold before Bolt sees it: the fields Bolt and the listeners read, per kind
// of request this app receives (its manifest: /mesh, interactivity with options, app_home_opened).
// Field names from Slack's references: "Slash commands" (form fields), "Interaction payloads"
// (block_actions, view_submission, view_closed, block_suggestion) and the Events API (url_verification,
// event_callback). Everything else Slack might add passes through untouched.

const Id = z.string().min(1).max(255);

/** A slash command: form fields, no `payload`. */
const SlashCommandSchema = z.looseObject({
  command: z.string().startsWith('/'),
  text: z.string(),
  team_id: Id,
  user_id: Id,
  channel_id: Id,
  trigger_id: Id,
  response_url: z.url(),
});

const UserSchema = z.looseObject({ id: Id });
const ViewSchema = z.looseObject({ id: Id, callback_id: z.string(), state: z.looseObject({ values: z.record(z.string(), z.unknown()) }).optional() });

/** The JSON of an interaction's `payload` form field, by `type`. */
const InteractionSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('block_actions'), user: UserSchema, actions: z.array(z.looseObject({ action_id: z.string(), block_id: z.string().optional() })).min(1), trigger_id: Id.optional() }),
  z.looseObject({ type: z.literal('view_submission'), user: UserSchema, view: ViewSchema }),
  z.looseObject({ type: z.literal('view_closed'), user: UserSchema, view: ViewSchema }),
  z.looseObject({ type: z.literal('block_suggestion'), user: UserSchema, action_id: z.string(), value: z.string() }),
]);

/** An Events API body (JSON). */
const EventsApiSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('url_verification'), challenge: z.string().min(1) }),
  z.looseObject({ type: z.literal('event_callback'), team_id: Id, event: z.looseObject({ type: z.string().min(1) }) }),
]);

/** Why a body is not one this app takes, in a sentence, or undefined when it is. */
export function slackBodyProblem(contentType: string, body: string): string | undefined {
  const type = contentType.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return 'the body is not JSON';
    }
    return EventsApiSchema.safeParse(json).success ? undefined : 'not an Events API request this app takes (url_verification or event_callback with an event)';
  }
  if (type !== 'application/x-www-form-urlencoded') return `content type ${type ?? '(none)'} is not one Slack sends`;
  const form = Object.fromEntries(new URLSearchParams(body));
  if (form.ssl_check === '1') return undefined;
  if (form.payload === undefined) return SlashCommandSchema.safeParse(form).success ? undefined : 'not a slash command (command, text, team_id, user_id, channel_id, trigger_id, response_url)';
  let payload: unknown;
  try {
    payload = JSON.parse(form.payload);
  } catch {
    return 'the payload field is not JSON';
  }
  return InteractionSchema.safeParse(payload).success ? undefined : 'not an interaction this app takes (block_actions, view_submission, view_closed or block_suggestion, with its user and fields)';
}
