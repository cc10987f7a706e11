/**
 * Names of the IAM roles Meshbot assumes in each account. One source for the mesh service (which
 * assumes them), the sandbox seed (which creates them) and the CDK stacks (which deploy them).
 */
export const ROLE_NAMES = {
  /** Mesh account: the bot's own identity (the Lambda execution role); may only assume the roles below. */
  bot: 'MeshbotBot',
  /** Mesh account: Lake Formation data lake admin of the mesh catalog. */
  meshAdmin: 'MeshbotMeshAdmin',
  /** Mesh account: read-only principal that may DESCRIBE products published with public metadata. */
  meshReadOnly: 'MeshbotMeshReadOnly',
  /** Producer account: reads the producer's catalog and grants the mesh account. */
  producer: 'MeshbotProducer',
  /** Consumer account: accepts shares and creates resource links. */
  consumer: 'MeshbotConsumer',
  /**
   * Mesh account: the role Lake Formation assumes (trust: lakeformation.amazonaws.com) to read the
   * producers' S3 locations registered in the mesh account; never assumed by the bot.
   */
  dataAccess: 'MeshbotDataAccess',
} as const;

/** Mesh account: the role that acts for one producer and holds grantable permissions on its mesh databases only. */
export function producerRoleInMesh(producerAccountId: string): string {
  return `MeshbotProducer-${producerAccountId}`;
}

/** The ARN of a role in an account. */
export function roleArn(accountId: string, roleName: string): string {
  return `arn:aws:iam::${accountId}:role/${roleName}`;
}
