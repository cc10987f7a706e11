import * as z from 'zod';

/** The name under which receivers hand Slack's signature timestamp to listeners (Bolt's `context`). */
const KEY = 'slackRequestTimestamp';

/** For a receiver's `customPropertiesExtractor`: Slack's signature timestamp from the request's headers. */
export function deliveryProperties(headers: Readonly<Record<string, string | string[] | undefined>>): Record<string, unknown> {
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'x-slack-request-timestamp');
  const value = Array.isArray(entry?.[1]) ? entry[1][0] : entry?.[1];
  return value === undefined ? {} : { [KEY]: value };
}

const TimestampSchema = z.coerce.number().int().positive();

/**
 * When Slack signed the request a listener handles, in epoch ms, from the listener's `context`;
 * undefined in Socket Mode (no signature: the WebSocket itself is authenticated). A replay carries
 * the same timestamp, so it and the payload make a key that is the same for every delivery.
 */
export function signedAtMs(context: Readonly<Record<string, unknown>>): number | undefined {
  const parsed = TimestampSchema.safeParse(context[KEY]);
  return parsed.success ? parsed.data * 1000 : undefined;
}
