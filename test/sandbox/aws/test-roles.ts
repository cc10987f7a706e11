import type { Emulator } from '../../../src/sandbox/aws/emulator';

/** Glue, Lake Formation and S3 on every resource: a principal IAM lets through, so Lake Formation (or a bucket policy) decides. */
export const DATA_USER_STATEMENTS = [{ Effect: 'Allow', Action: ['glue:*', 'lakeformation:*', 's3:*'], Resource: '*' }];

/**
 * Put an IAM role into an account of the emulator's world: trusted by the account's sandbox-admin
 * (who may also name a SourceIdentity), holding `statements` as its one inline policy. Assume it with
 * `emu.assumeRole(arn, { as: accountId })`. Returns its ARN.
 */
export function addRole(emu: Emulator, accountId: string, name: string, statements: Record<string, unknown>[]): string {
  const account = emu.world.accounts[accountId];
  if (!account) throw new TypeError(`no account ${accountId}`);
  const arn = `arn:aws:iam::${accountId}:role/${name}`;
  account.roles[name] = {
    name,
    arn,
    trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: account.adminUser.arn }, Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'] }] },
    policies: { TestPolicy: { Version: '2012-10-17', Statement: statements } },
    maxSessionDuration: 3600,
  };
  return arn;
}
