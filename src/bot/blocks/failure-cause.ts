/** Who can fix what made a grant fail. */
export type Fixer = 'nobody' | 'producer-admin' | 'mesh-admin' | 'consumer-admin';

/** What can be done to a FAILED subscription from its message: its [Retry] and [Revoke] buttons. */
export type FailureMove = 'retry' | 'revoke';

/** A failed entry's error code in words: what happened, who can fix it, and what the buttons do about it. */
export interface FailureCause {
  /** One sentence for people, without the exception name. */
  cause: string;
  fixer: Fixer;
  /** The moves worth making, best first. */
  moves: readonly FailureMove[];
}

// The codes a grant entry fails with: Lake Formation's per-entry `ErrorDetail.ErrorCode` of
// BatchGrantPermissions (its errors: AccessDenied, ConcurrentModification, EntityNotFound,
// InvalidInput, OperationTimeout, InternalService, ResourceNumberLimitExceeded, GlueEncryption), the
// throttling the SDK reports, and the mesh's own codes for the RAM share and the consumer side.
const CAUSES: Readonly<Record<string, FailureCause>> = {
  AccessDeniedException: {
    cause: "Lake Formation refused: the producer's role in the mesh account does not hold these permissions with the grant option. Publishing the product again restores it.",
    fixer: 'producer-admin',
    moves: ['retry', 'revoke'],
  },
  EntityNotFoundException: {
    cause: 'The table or database is no longer in the mesh catalog (dropped or renamed at the source). Publishing the product again brings back what still exists.',
    fixer: 'producer-admin',
    moves: ['revoke', 'retry'],
  },
  InvalidInputException: {
    cause: 'Lake Formation rejected the grant as asked (a column or a principal it does not accept). Revoke it and request again with what the table has.',
    fixer: 'mesh-admin',
    moves: ['revoke'],
  },
  GlueEncryptionException: {
    cause: "The mesh catalog is encrypted with a KMS key the producer's role may not use.",
    fixer: 'mesh-admin',
    moves: ['retry', 'revoke'],
  },
  ResourceNumberLimitExceededException: {
    cause: 'An AWS quota was reached (Lake Formation permissions or RAM shares in the mesh account); a mesh admin must raise it or clean up.',
    fixer: 'mesh-admin',
    moves: ['retry', 'revoke'],
  },
  ConcurrentModificationException: { cause: 'AWS was changing the same permissions at that moment; nothing is wrong with the request.', fixer: 'nobody', moves: ['retry'] },
  OperationTimeoutException: { cause: 'AWS took too long to answer; nothing is wrong with the request.', fixer: 'nobody', moves: ['retry'] },
  InternalServiceException: { cause: 'AWS had an internal error; nothing is wrong with the request.', fixer: 'nobody', moves: ['retry'] },
  ThrottlingException: { cause: 'AWS slowed the bot down (too many calls at once); nothing is wrong with the request.', fixer: 'nobody', moves: ['retry'] },
  RetriesExhausted: { cause: 'AWS kept slowing the bot down until it gave up; nothing is wrong with the request.', fixer: 'nobody', moves: ['retry'] },
  mesh_aws_refused: {
    cause: "AWS refused the bot's role: a role stack is missing or out of date, or a permission was removed by hand.",
    fixer: 'mesh-admin',
    moves: ['retry', 'revoke'],
  },
  mesh_invitation_expired: {
    cause: 'The AWS RAM invitation to the consumer account expired (after 12 hours without being accepted). Retry sends a new one.',
    fixer: 'nobody',
    moves: ['retry'],
  },
  mesh_share_not_ready: { cause: 'AWS RAM has not yet delivered the share to the consumer account.', fixer: 'nobody', moves: ['retry'] },
  mesh_account_not_ready: {
    cause: "The consumer account is not ready for the mesh: its Meshbot role is missing or cannot accept the share and create the links.",
    fixer: 'consumer-admin',
    moves: ['retry', 'revoke'],
  },
  mesh_account_not_enabled: { cause: 'The consumer account is no longer enabled in the mesh.', fixer: 'mesh-admin', moves: ['revoke'] },
};

const UNKNOWN: FailureCause = { cause: 'AWS refused for a reason Meshbot does not know; a mesh admin can look it up with the code below.', fixer: 'mesh-admin', moves: ['retry', 'revoke'] };

/**
 * The cause of a failed grant entry from its error code, e.g. `AccessDeniedException` → the
 * producer's grant option is missing, fixed by the producer's admin, then [Retry]. An unknown code
 * goes to a mesh admin.
 */
export function failureCause(errorCode: string | undefined): FailureCause {
  if (errorCode === undefined) return UNKNOWN;
  return Object.hasOwn(CAUSES, errorCode) ? (CAUSES[errorCode] ?? UNKNOWN) : UNKNOWN;
}

/** Whether the code is one Meshbot can explain (else `failureCause` sends it to a mesh admin as unknown). */
export function isKnownFailureCode(errorCode: string | undefined): boolean {
  return errorCode !== undefined && Object.hasOwn(CAUSES, errorCode);
}

/** Who can fix it, in words: `the producer's admin`; undefined for `nobody`. */
export function fixerText(fixer: Fixer): string | undefined {
  switch (fixer) {
    case 'nobody':
      return undefined;
    case 'producer-admin':
      return "the producer account's admin";
    case 'mesh-admin':
      return 'a mesh admin';
    case 'consumer-admin':
      return "the consumer account's admin";
  }
}
