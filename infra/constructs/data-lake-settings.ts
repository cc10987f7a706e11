import { CfnDataLakeSettings } from 'aws-cdk-lib/aws-lakeformation';
import { Construct } from 'constructs';

/** Lake Formation's cross-account version: 4 shares named resources through RAM (the mesh needs ≥ 3). */
export const CROSS_ACCOUNT_VERSION = '4';

/** Whose data lake settings, and how they are written. */
export interface DataLakeSettingsProps {
  /** IAM ARNs made data lake administrators. */
  admins: string[];
  /**
   * `REPLACE` (CloudFormation's default) replaces the account's whole settings — the admin list
   * included: any administrator not listed here stops being one. It is used where Meshbot owns the
   * account's data lake (the mesh account), and also empties the default permissions, so
   * IAM_ALLOWED_PRINCIPALS gets nothing on new databases and tables. `APPEND` adds the admins to
   * those already there and leaves the rest alone: producer and consumer accounts keep theirs.
   */
  mutation: 'REPLACE' | 'APPEND';
}

/** The data lake settings Meshbot needs in an account: its role a data lake admin, cross-account version 4. */
export class DataLakeSettings extends Construct {
  readonly settings: CfnDataLakeSettings;

  constructor(scope: Construct, id: string, props: DataLakeSettingsProps) {
    super(scope, id);
    this.settings = new CfnDataLakeSettings(this, 'Settings', {
      mutationType: props.mutation,
      admins: props.admins.map((arn) => ({ dataLakePrincipalIdentifier: arn })),
      ...(props.mutation === 'REPLACE' && { createDatabaseDefaultPermissions: [], createTableDefaultPermissions: [] }),
      parameters: { CROSS_ACCOUNT_VERSION },
    });
  }
}
