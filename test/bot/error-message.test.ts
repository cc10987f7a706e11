import { describe, expect, it } from 'vitest';
import { MAPPED_CODES, toUserMessage, userMessageText } from '../../src/bot/error-message';
import { AlreadyDecidedError, MeshErrorCode, NotAuthorizedError } from '../../src/mesh/errors';

describe('toUserMessage', () => {
  it('has a title for every mesh error code', () => {
    expect(MAPPED_CODES.toSorted()).toEqual(Object.values(MeshErrorCode).toSorted());
  });

  it('keeps a mesh error’s sentence and hint', () => {
    const message = toUserMessage(new NotAuthorizedError('you are not an owner of product telco-111111111111', 'ask an owner (<@U0PRODUCER>)'), 'ref-1');

    expect(message).toEqual({
      title: 'Not allowed',
      text: 'you are not an owner of product telco-111111111111',
      hint: 'ask an owner (<@U0PRODUCER>)',
      expected: true,
    });
    expect(userMessageText(message)).toBe(
      ':warning: *Not allowed*: you are not an owner of product telco-111111111111\n_ask an owner (<@U0PRODUCER>)_',
    );
  });

  it('names who decided when a second click comes too late', () => {
    const message = toUserMessage(new AlreadyDecidedError('01J', 'GRANTING', { teamId: 'T0SANDBOX', userId: 'U0OWNER2' }, '2026-11-23T10:00:00.000Z'), 'r');
    expect(userMessageText(message)).toContain('(by <@U0OWNER2> at 2026-11-23T10:00:00.000Z)');
  });

  it('turns anything else into a generic line with a reference, without its message or stack', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'Credentials') at secret-thing.ts:12");

    const message = toUserMessage(error, 'ref-42');
    const text = userMessageText(message);

    expect(message.expected).toBe(false);
    expect(text).toContain('ref-42');
    expect(text).not.toContain('Credentials');
    expect(text).not.toContain('.ts');
  });
});
