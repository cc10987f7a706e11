import { InvalidInputError, MeshError, type MeshErrorCode } from '../mesh/errors';
import { wordRefusal } from './refusal-wordings';

/** What a Slack user is told when something they asked for did not happen. */
export interface UserMessage {
  /** One short line: what kind of refusal this is. */
  title: string;
  /** Why, in one sentence. */
  text: string;
  /** What to do instead. */
  hint?: string;
  /** For unexpected errors: the id to quote to an operator (it is in the logs with the stack). */
  reference?: string;
  /** False for unexpected errors, which are logged with their stack. */
  expected: boolean;
}

/** The title of every mesh error code; a Record, so a new code without a title does not compile. */
const TITLES: Record<MeshErrorCode, string> = {
  mesh_illegal_transition: "That can't be done now",
  mesh_already_decided: 'Already decided',
  mesh_stale_write: 'Someone else changed this at the same moment',
  mesh_already_exists: 'Already exists',
  mesh_not_found: 'Not found',
  mesh_malformed_item: 'A stored record is damaged',
  mesh_invalid_input: "That doesn't look right",
  mesh_not_authorized: 'Not allowed',
  mesh_account_not_enabled: 'Account not enabled',
  mesh_account_not_ready: 'Account not ready for the mesh',
  mesh_aws_refused: 'AWS refused',
  mesh_invitation_expired: 'Share invitation expired',
  mesh_share_not_ready: 'Share not there yet',
};

/** Every code a user can be shown (for the test that every one has a title). */
export const MAPPED_CODES = Object.keys(TITLES) as MeshErrorCode[];

/**
 * The one place errors become what a Slack user sees: a mesh error is worded from its code, reason
 * and params (every problem of an input, joined; each hint once); any other error becomes a generic
 * line with a reference id (never a stack trace or an AWS message).
 */
export function toUserMessage(error: unknown, reference: string): UserMessage {
  if (error instanceof MeshError) {
    const wordings = (error instanceof InvalidInputError ? error.problems : [error]).map((refusal) => wordRefusal(refusal));
    const hints = [...new Set(wordings.flatMap((w) => (w.hint === undefined ? [] : [w.hint])))];
    return { title: TITLES[error.code], text: wordings.map((w) => w.text).join('; '), ...(hints.length > 0 && { hint: hints.join('; ') }), expected: true };
  }
  return {
    title: 'Something went wrong on our side',
    text: 'Nothing was changed by this request, or what was done is recorded and can be retried.',
    hint: `try again; if it keeps failing, give an admin the reference ${reference}`,
    reference,
    expected: false,
  };
}

/** The user message as one mrkdwn string (for ephemeral answers and modal errors). */
export function userMessageText(message: UserMessage): string {
  return [`:warning: *${message.title}*: ${message.text}`, message.hint ? `_${message.hint}_` : undefined].filter(Boolean).join('\n');
}
