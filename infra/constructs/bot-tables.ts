import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption, type CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { TABLES, tableName } from '../../src/mesh/store/table-definitions';

/**
 * What the bot does with its items (src/mesh/store): read, query an index, write conditionally. No
 * Scan (every list is an index Query) and no DeleteItem (a record is never deleted). DescribeTable
 * lets a bot started by hand (Socket Mode) check at start that its tables exist.
 */
export const ITEM_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'];

/** Meshbot's DynamoDB tables, exactly as `TABLES` defines them (keys and indexes), named `<prefix><name>`. */
export class BotTables extends Construct {
  readonly tables: Table[];
  /** Logical names of the tables with indexes. */
  private readonly indexed = new Set<string>();

  constructor(scope: Construct, id: string, props: { tablePrefix: string }) {
    super(scope, id);
    this.tables = TABLES.map((definition) => {
      if (Object.keys(definition.indexes).length > 0) this.indexed.add(definition.name);
      const table = new Table(this, definition.name, {
        tableName: tableName(props.tablePrefix, definition),
        partitionKey: { name: definition.partitionKey, type: AttributeType.STRING },
        billingMode: BillingMode.PAY_PER_REQUEST,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        encryption: TableEncryption.AWS_MANAGED,
        deletionProtection: true,
        // The record of who was granted what, and why, outlives the stack.
        removalPolicy: RemovalPolicy.RETAIN,
      });
      for (const index of Object.values(definition.indexes)) {
        table.addGlobalSecondaryIndex({
          indexName: index.name,
          partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
          sortKey: { name: index.sortKey, type: AttributeType.STRING },
          projectionType: ProjectionType.ALL,
        });
      }
      return table;
    });
  }

  /** `ITEM_ACTIONS` on every table and its indexes; `policyOwner` is the construct holding the grantee's policy. */
  grantReadWrite(grantee: IGrantable, policyOwner: Construct): void {
    for (const table of this.tables) {
      table.grant(grantee, ...ITEM_ACTIONS);
      if (!this.indexed.has(table.node.id)) continue;
      const logicalId = Stack.of(this).getLogicalId(table.node.defaultChild as CfnTable);
      Validations.of(policyOwner).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/index/*]`,
        reason: `Queries on every index of ${table.node.id} (one per list the bot shows, defined in table-definitions.ts).`,
      });
    }
  }
}
