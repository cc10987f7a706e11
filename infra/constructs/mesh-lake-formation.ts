import { DefaultStackSynthesizer, Fn, Stack, Validations } from 'aws-cdk-lib';
import { CfnPrincipalPermissions } from 'aws-cdk-lib/aws-lakeformation';
import { Construct } from 'constructs';
import { DataLakeSettings } from './data-lake-settings';

/** Who administers the mesh catalog, and which roles may create databases in it. */
export interface MeshLakeFormationProps {
  meshAccountId: string;
  /** MeshbotMeshAdmin. */
  meshAdminRoleArn: string;
  /** More administrators (the people who run the mesh), from the `dataLakeAdmins` context. */
  extraAdmins: readonly string[];
  /** MeshbotProducer-<producer> role ARNs by producer account: each may create databases in the mesh catalog. */
  producerRoleArns: ReadonlyMap<string, string>;
}

/**
 * The mesh account's Lake Formation settings: Meshbot's mesh admin role (and the given people) as
 * data lake administrators, cross-account version 4, no IAM_ALLOWED_PRINCIPALS defaults, and
 * CREATE_DATABASE on the catalog for every producer's mesh role.
 */
export class MeshLakeFormation extends Construct {
  readonly settings: DataLakeSettings;
  readonly createDatabase: CfnPrincipalPermissions[];

  constructor(scope: Construct, id: string, props: MeshLakeFormationProps) {
    super(scope, id);
    // REPLACE writes the whole admin list: whoever is not in it (a console admin, CloudFormation's
    // own role) stops being an administrator. CloudFormation's execution role stays one, since it
    // grants CREATE_DATABASE below and updates these settings on later deploys.
    const synthesizer = Stack.of(this).synthesizer;
    // The synthesizer's ARN keeps a `${AWS::Partition}` placeholder for the template to substitute.
    const deployRole = synthesizer instanceof DefaultStackSynthesizer ? [Fn.sub(synthesizer.cloudFormationExecutionRoleArn)] : [];
    this.settings = new DataLakeSettings(this, 'DataLake', { admins: [props.meshAdminRoleArn, ...deployRole, ...props.extraAdmins], mutation: 'REPLACE' });
    this.createDatabase = [...props.producerRoleArns].map(([producer, principal]) => {
      const grant = new CfnPrincipalPermissions(this, `CreateDatabase${producer}`, {
        catalog: props.meshAccountId,
        principal: { dataLakePrincipalIdentifier: principal },
        resource: { catalog: {} },
        permissions: ['CREATE_DATABASE'],
        permissionsWithGrantOption: [],
      });
      grant.node.addDependency(this.settings);
      Validations.of(grant).acknowledge({
        id: 'CloudFormation-Validate::F3012',
        reason: 'Resource.Catalog is a JSON object ({} = the catalog named by the Catalog property) in the AWS::LakeFormation::PrincipalPermissions reference; the validator expects a string.',
      });
      return grant;
    });
  }
}
