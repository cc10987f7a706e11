import { describe, expect, it } from 'vitest';
import { INVITATION_TTL_MS, invitationStatus } from '../../../../src/sandbox/aws/access/invitation-status';
import type { Invitation } from '../../../../src/sandbox/aws/world';

const sent: Invitation = {
  arn: 'arn:aws:ram:us-east-1:555555555555:resource-share-invitation/1',
  resourceShareArn: 'arn:aws:ram:us-east-1:555555555555:resource-share/2',
  resourceShareName: 'LakeFormation-V4-2',
  senderAccountId: '555555555555',
  receiverAccountId: '999999999999',
  status: 'PENDING',
  createdAt: 1_000_000,
};

describe('invitationStatus', () => {
  it('keeps a pending invitation pending until 12 hours have passed, then expires it', () => {
    expect(invitationStatus(sent, sent.createdAt + INVITATION_TTL_MS - 1)).toBe('PENDING');
    expect(invitationStatus(sent, sent.createdAt + INVITATION_TTL_MS)).toBe('EXPIRED');
  });

  it('never expires an answered invitation', () => {
    expect(invitationStatus({ ...sent, status: 'ACCEPTED' }, sent.createdAt + 10 * INVITATION_TTL_MS)).toBe('ACCEPTED');
    expect(invitationStatus({ ...sent, status: 'REJECTED' }, sent.createdAt + 10 * INVITATION_TTL_MS)).toBe('REJECTED');
  });
});
