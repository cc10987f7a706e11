import type { MeshCommand } from './mesh-command';

/**
 * Why the text is not a command, and how to write it; both mrkdwn, ready for an ephemeral reply:
 * `{ kind: 'usage-error', message: '`/mesh cancel`: missing the subscription id.', usage: '`/mesh cancel <id>`' }`.
 */
export interface UsageError {
  readonly kind: 'usage-error';
  readonly message: string;
  readonly usage: string;
}

/** Slack shows 3,000 characters of a section; a message never needs more. */
const MAX_MESSAGE = 3000;

/** A usage error, its message clipped to what Slack shows. */
export function usageError(message: string, usage: string): UsageError {
  return { kind: 'usage-error', message: message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message, usage };
}

/** Whether the parser refused the text. */
export function isUsageError(result: MeshCommand | UsageError): result is UsageError {
  return result.kind === 'usage-error';
}
