import { Validations } from 'aws-cdk-lib';
import { PolicyDocument, Role, ServicePrincipal, type CfnRole } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ROLE_NAMES, producerRoleInMesh } from '../../src/mesh/domain/account-roles';
import { dataAccessStatements, meshAdminStatements, meshReadOnlyStatements, producerInMeshStatements, type MeshSite } from '../role-permissions';
import { dataAccessTrustPolicy } from '../role-trust';
import { MeshbotRole } from './meshbot-role';

const LAKE_FORMATION_STAR = 'Lake Formation permission APIs have no resource-level permissions (IAM requires "*"); Lake Formation grants decide what the role may touch.';

/** The Meshbot roles of the mesh account: the mesh admin, the read-only role, one role per producer, and Lake Formation's data access role. */
export class MeshRoles extends Construct {
  /** The role Lake Formation assumes to read the producers' registered S3 locations; the bot never assumes it. */
  readonly dataAccess: Role;
  readonly meshAdmin: MeshbotRole;
  readonly meshReadOnly: MeshbotRole;
  /** By producer account id. */
  readonly producers: ReadonlyMap<string, MeshbotRole>;

  constructor(scope: Construct, id: string, props: { site: MeshSite; botRoleArn: string; producerAccountIds: readonly string[] }) {
    super(scope, id);
    const { site, botRoleArn } = props;
    const catalogWildcards = {
      [`Resource::arn:aws:glue:${site.region}:${site.meshAccountId}:database/*`]: 'Mesh databases are created at publish time under names not known here; Lake Formation decides which the role sees.',
      [`Resource::arn:aws:glue:${site.region}:${site.meshAccountId}:table/*/*`]: 'Mesh tables are created at publish time; Lake Formation decides which the role sees.',
    };
    // "Requirements for roles used to register locations": trusted by lakeformation.amazonaws.com, which
    // also sets context and tags on the sessions it vends to query engines.
    this.dataAccess = new Role(this, 'DataAccess', {
      roleName: ROLE_NAMES.dataAccess,
      description: "Meshbot: Lake Formation reads the producers' registered S3 locations with this role",
      assumedBy: new ServicePrincipal('lakeformation.amazonaws.com').withSessionTags(),
      inlinePolicies: { MeshbotDataAccess: new PolicyDocument({ statements: dataAccessStatements({ producerAccountIds: props.producerAccountIds, region: site.region }) }) },
    });
    // The document the sandbox seeds too (the principal above says the same).
    (this.dataAccess.node.defaultChild as CfnRole).assumeRolePolicyDocument = dataAccessTrustPolicy();
    for (const [finding, reason] of Object.entries({
      'Resource::arn:aws:s3:::*/*': "Producers' buckets are named by their owners, not here; aws:ResourceAccount limits the role to the producer accounts.",
      'Resource::arn:aws:s3:::*': "Producers' buckets are named by their owners, not here; aws:ResourceAccount limits the role to the producer accounts.",
      ...Object.fromEntries(props.producerAccountIds.map((p) => [`Resource::arn:aws:kms:${site.region}:${p}:key/*`, 'Producers choose their keys; kms:ViaService limits use to S3 requests.'])),
    })) {
      Validations.of(this.dataAccess).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    }
    this.meshAdmin = new MeshbotRole(this, 'MeshAdmin', {
      roleName: ROLE_NAMES.meshAdmin,
      description: 'Meshbot: data lake administrator of the mesh catalog',
      botRoleArn,
      statements: meshAdminStatements(site),
      wildcards: { ...catalogWildcards, 'Resource::*': LAKE_FORMATION_STAR },
    });
    this.meshReadOnly = new MeshbotRole(this, 'MeshReadOnly', {
      roleName: ROLE_NAMES.meshReadOnly,
      description: 'Meshbot: describes products published with public metadata',
      botRoleArn,
      statements: meshReadOnlyStatements(site),
      wildcards: catalogWildcards,
    });
    this.producers = new Map(
      props.producerAccountIds.map((producer) => [
        producer,
        new MeshbotRole(this, `Producer${producer}`, {
          roleName: producerRoleInMesh(producer),
          description: `Meshbot: acts in the mesh account for producer ${producer} (its mesh databases, grants and shares)`,
          botRoleArn,
          statements: producerInMeshStatements(site),
          wildcards: {
            ...catalogWildcards,
            'Resource::*': `${LAKE_FORMATION_STAR} RAM ListResources/GetResourceShares/CreateResourceShare (limited to Glue resource types) and Organizations DescribeOrganization have no resource-level permissions either.`,
            [`Resource::arn:aws:ram:${site.region}:${site.meshAccountId}:resource-share/*`]: 'The shares Lake Formation creates for cross-account grants (named LakeFormation*, as the condition requires) get ids only when created.',
            'Resource::arn:aws:ram::aws:permission/AWSRAMLFEnabled*': "The RAM managed permissions Lake Formation attaches to its shares; the pattern is AWSLakeFormationCrossAccountManager's.",
          },
        }),
      ]),
    );
  }
}
