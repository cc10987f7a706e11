/**
 * Every error the mesh service raises on purpose has a stable code, a finer reason with typed params,
 * and the input path it concerns. The Slack layer words them (one function); anything without a
 * code is unexpected.
 */
export const MeshErrorCode = {
  IllegalTransition: 'mesh_illegal_transition',
  AlreadyDecided: 'mesh_already_decided',
  StaleWrite: 'mesh_stale_write',
  AlreadyExists: 'mesh_already_exists',
  NotFound: 'mesh_not_found',
  MalformedItem: 'mesh_malformed_item',
  InvalidInput: 'mesh_invalid_input',
  NotAuthorized: 'mesh_not_authorized',
  AccountNotEnabled: 'mesh_account_not_enabled',
  AccountNotReady: 'mesh_account_not_ready',
  AwsRefused: 'mesh_aws_refused',
  InvitationExpired: 'mesh_invitation_expired',
  ShareNotReady: 'mesh_share_not_ready',
} as const;

export type MeshErrorCode = (typeof MeshErrorCode)[keyof typeof MeshErrorCode];
