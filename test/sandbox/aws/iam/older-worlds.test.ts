import { describe, expect, it } from 'vitest';
import { ROLE_NAMES } from '../../../../src/mesh/domain/account-roles';
import { WorldSchema } from '../../../../src/sandbox/aws/world';
import { createSeedWorld } from '../../../../src/sandbox/seed/create-seed-world';
import { SANDBOX_ACCOUNTS, SANDBOX_ROLE_ARNS } from '../../../../src/sandbox/seed/sandbox-accounts';

const NOW = Date.parse('2026-01-15T09:00:00Z');

/** The seed world as saved before IAM policies: roles with `trust`, admin users without policies. */
function olderWorld(): unknown {
  const world = JSON.parse(JSON.stringify(createSeedWorld({ now: NOW }))) as { accounts: Record<string, { adminUser: Record<string, unknown>; roles: Record<string, Record<string, unknown>> }> };
  for (const account of Object.values(world.accounts)) {
    delete account.adminUser.policies;
    for (const role of Object.values(account.roles)) {
      delete role.trustPolicy;
      delete role.policies;
      role.trust = { principals: [SANDBOX_ROLE_ARNS.bot], allowSourceIdentity: true, requireSourceIdentity: true };
    }
  }
  const mesh = world.accounts[SANDBOX_ACCOUNTS.mesh.id]!;
  mesh.roles.Custom = { name: 'Custom', arn: `arn:aws:iam::${SANDBOX_ACCOUNTS.mesh.id}:role/Custom`, trust: { principals: [SANDBOX_ACCOUNTS.mesh.id], allowSourceIdentity: false, requireSourceIdentity: false }, maxSessionDuration: 3600 };
  return world;
}

describe('worlds saved before IAM policies', () => {
  it("give the seeded roles the seed's trust and identity policies, not allow-all", () => {
    const loaded = WorldSchema.parse(olderWorld());
    const seed = createSeedWorld({ now: NOW });
    for (const [id, account] of Object.entries(seed.accounts)) {
      for (const [name, role] of Object.entries(account.roles)) {
        expect(loaded.accounts[id]!.roles[name]).toMatchObject({ trustPolicy: role.trustPolicy, policies: role.policies });
      }
      expect(loaded.accounts[id]!.adminUser.policies).toEqual(account.adminUser.policies);
    }
    expect(Object.keys(loaded.accounts[SANDBOX_ACCOUNTS.consumer.id]!.roles[ROLE_NAMES.consumer]!.policies)).toEqual(['MeshbotPermissions']);
  });

  it('turn the trust of any other role into the trust policy it stood for, with no identity policy', () => {
    const custom = WorldSchema.parse(olderWorld()).accounts[SANDBOX_ACCOUNTS.mesh.id]!.roles.Custom!;
    expect(custom.trustPolicy).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: [SANDBOX_ACCOUNTS.mesh.id] }, Action: ['sts:AssumeRole'] }] });
    expect(custom.policies).toEqual({});
  });
});
