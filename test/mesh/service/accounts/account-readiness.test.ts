import { describe, expect, it } from 'vitest';
import { missingSettings } from '../../../../src/mesh/service/accounts/account-readiness';

const ROLE = 'arn:aws:iam::111111111111:role/MeshbotProducer';
const facts = (crossAccountVersion: number, admins: string[]) => ({ accountId: '111111111111', roleName: 'MeshbotProducer', roleArn: ROLE, settings: { crossAccountVersion, admins } });

describe('missingSettings', () => {
  it('finds nothing missing with version 3 or 4 and the role a data lake admin', () => {
    expect(missingSettings(facts(4, [ROLE]))).toEqual([]);
    expect(missingSettings(facts(3, ['arn:aws:iam::111111111111:user/admin', ROLE]))).toEqual([]);
  });

  it('names a cross-account version below 3 and a role that is not an admin', () => {
    expect(missingSettings(facts(2, []))).toEqual([
      'Lake Formation cross-account version (CROSS_ACCOUNT_VERSION) is 2; set it to 3 or 4 in the data lake settings of 111111111111',
      `role MeshbotProducer (${ROLE}) is not a data lake administrator of 111111111111`,
    ]);
  });
});
