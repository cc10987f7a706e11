import { ResourceShareSchema } from '../../src/sandbox/aws/world';
import type { TestEmulator } from '../sandbox/aws/start-test-emulator';

/**
 * A RAM share from `owner` to `receiver` made outside Lake Formation — by hand, or by another tool
 * with RAM's CreateResourceShare, which the emulator does not serve, so the share is put in its world.
 * It is associated at once and its invitation is due now, so the emulator sends it as RAM would: a
 * pending invitation from the same sender as the mesh's own shares, which is not the mesh's to accept.
 * Returns the share's ARN.
 */
export function addHandMadeShare(emu: TestEmulator, { owner, receiver, resourceArn }: { owner: string; receiver: string; resourceArn: string }): string {
  const now = emu.controls.clock.now();
  const associated = { status: 'ASSOCIATED' as const, createdAt: now, dueAt: now, updatedAt: now };
  const share = ResourceShareSchema.parse({
    arn: `arn:aws:ram:${emu.world.region}:${owner}:resource-share/hand-made-${receiver}-${String(emu.world.resourceShares.length)}`,
    name: 'analytics-shared-by-hand',
    ownerAccountId: owner,
    principals: [receiver],
    resources: [resourceArn],
    status: 'ACTIVE',
    allowExternalPrincipals: true,
    createdAt: now,
    updatedAt: now,
    resourceAssociations: { [resourceArn]: associated },
    principalAssociations: { [receiver]: associated },
    invitationDueAt: now,
  });
  emu.world.resourceShares.push(share);
  return share.arn;
}
