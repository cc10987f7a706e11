import * as z from 'zod';

/**
 * Bodies of the console's `POST /_console/*` routes. Each is what the page sends for one thing a
 * person does in Slack; the server turns it into the signed request Slack would send the bot.
 */

const UserIdSchema = z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'must be a Slack user id such as U0CONSUMER');
const ViewIdSchema = z.string().regex(/^V[A-Z0-9]+$/, 'must be a view id such as V00000001');

/**
 * The inputs of a modal as the page read them: block id → action id → a text (or `null` when empty),
 * or the chosen option values. e.g. `{ "request_reason": { "reason": "Churn model" }, "request_permissions": { "permissions": ["SELECT"] } }`.
 */
export const ConsoleValuesSchema = z.record(z.string().max(255), z.record(z.string().max(255), z.union([z.string().max(10_000), z.array(z.string().max(2000)).max(100), z.null()])));

/** `POST /_console/command`, e.g. `{ "user": "U0PRODUCER", "text": "publish telco usecase*", "channel": "C0PRODUCTS" }` (text after `/mesh`). */
export const CommandBodySchema = z
  .object({
    user: UserIdSchema,
    text: z.string().max(4000, 'a command is at most 4,000 characters'),
    channel: z.string().regex(/^[CDG][A-Z0-9]+$/, 'must be a channel id such as C0PRODUCTS').optional(),
  })
  .strict();

/** Where the clicked element is: a message (`ephemeral` when only the user sees it) or a view (modal or App Home). */
export const ActionTargetSchema = z.union([
  z.object({ channel: z.string().min(1), ts: z.string().regex(/^\d+\.\d+$/, 'must be a message ts such as 1767225600.000100'), ephemeral: z.boolean().optional() }).strict(),
  z.object({ viewId: ViewIdSchema }).strict(),
]);

/** `POST /_console/action`: a click on a button, or a choice in a select, radio group or checkboxes. */
export const ActionBodySchema = z
  .object({
    user: UserIdSchema,
    actionId: z.string().min(1).max(255),
    on: ActionTargetSchema,
    /** The clicked button's value, to tell same-id buttons apart. */
    value: z.string().max(2000).optional(),
    /** The chosen option value(s) of a select, radio group or checkboxes. */
    selected: z.union([z.string().max(2000), z.array(z.string().max(2000)).max(100)]).optional(),
    /** In a modal: the inputs as they are, carried in `view.state.values`. */
    values: ConsoleValuesSchema.optional(),
  })
  .strict();

/** `POST /_console/submit`: the modal's submit button. */
export const SubmitBodySchema = z.object({ user: UserIdSchema, viewId: ViewIdSchema, values: ConsoleValuesSchema }).strict();

/** `POST /_console/close`: the modal's close button (or Escape). */
export const CloseBodySchema = z.object({ user: UserIdSchema, viewId: ViewIdSchema }).strict();

/** `POST /_console/home`: the person opens the bot's App Home tab. */
export const HomeBodySchema = z.object({ user: UserIdSchema }).strict();

export type ConsoleValues = z.infer<typeof ConsoleValuesSchema>;
export type CommandBody = z.infer<typeof CommandBodySchema>;
export type ActionBody = z.infer<typeof ActionBodySchema>;
export type SubmitBody = z.infer<typeof SubmitBodySchema>;
export type CloseBody = z.infer<typeof CloseBodySchema>;
export type HomeBody = z.infer<typeof HomeBodySchema>;
