import { describe, expect, it } from 'vitest';
import { GranteeSchema, isAccountGrantee } from '../../../src/mesh/domain/grantee';

describe('GranteeSchema', () => {
  it.each(['999999999999', 'arn:aws:iam::999999999999:role/Analyst', 'arn:aws:iam::999999999999:user/team/ana', 'arn:aws-cn:iam::999999999999:role/A'])(
    'accepts %s',
    (grantee) => {
      expect(GranteeSchema.parse(grantee)).toBe(grantee);
    },
  );

  it.each(['bob', '99999999999', 'arn:aws:iam::999999999999:group/Analysts', 'arn:aws:s3:::bucket'])('refuses %j, naming it', (grantee) => {
    const result = GranteeSchema.safeParse(grantee);

    expect(result.error?.issues[0]?.message).toBe(`${JSON.stringify(grantee)} is neither an AWS account id (12 digits) nor an IAM role or user ARN`);
  });
});

describe('isAccountGrantee', () => {
  it('tells a whole account from an IAM principal', () => {
    expect(isAccountGrantee('999999999999')).toBe(true);
    expect(isAccountGrantee('arn:aws:iam::999999999999:role/Analyst')).toBe(false);
  });
});
