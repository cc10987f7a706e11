import { describe, expect, it } from 'vitest';
import { AccountIdSchema } from '../../../src/mesh/domain/account-id';

describe('AccountIdSchema', () => {
  it('accepts 12 digits', () => {
    expect(AccountIdSchema.parse('111111111111')).toBe('111111111111');
  });

  it.each(['11111111111', '1111111111111', '11111111111a', ' 111111111111'])('refuses %j with a message naming it', (input) => {
    const result = AccountIdSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(`${JSON.stringify(input)} is not an AWS account id (12 digits)`);
  });
});
