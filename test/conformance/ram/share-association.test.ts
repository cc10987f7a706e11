import { CreateDatabaseCommand, CreateTableCommand, DeleteDatabaseCommand, GlueClient } from '@aws-sdk/client-glue';
import { GrantPermissionsCommand, LakeFormationClient, type Permission, RevokePermissionsCommand } from '@aws-sdk/client-lakeformation';
import {
  AcceptResourceShareInvitationCommand,
  GetResourceShareAssociationsCommand,
  GetResourceShareInvitationsCommand,
  ListResourcesCommand,
  RAMClient,
  type ResourceShareAssociation,
  type ResourceShareInvitation,
} from '@aws-sdk/client-ram';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { answerBook, answerOf } from '../support/answer-book';
import { startConformanceTarget, type ConformanceTarget } from '../support/conformance-target';

/**
 * How a Lake Formation grant to another account reaches it through RAM, from the RAM API reference
 * (GetResourceShareAssociations, GetResourceShareInvitations, AcceptResourceShareInvitation,
 * ListResources) and the Lake Formation guide ("Accepting a resource share invitation from AWS RAM"):
 * the grant adds the table to a resource share; RAM associates it (ASSOCIATING, then ASSOCIATED) in
 * its own time, so every wait here is a bounded poll, never an assumed delay; outside an Organization
 * the consumer account gets an invitation, which its administrator accepts, and the table is then
 * shared with it. The mesh and consumer accounts are not in one Organization with RAM sharing (as
 * the sandbox seed). Runs as each account's administrator; cleans up by revoking and deleting.
 */

const GRANTED: Permission[] = ['SELECT', 'DESCRIBE'];

let target: ConformanceTarget;
let book: ReturnType<typeof answerBook>;
let meshGlue: GlueClient;
let meshLf: LakeFormationClient;
let meshRam: RAMClient;
let consumerRam: RAMClient;
let database: string;
let tableArn: string;
let shareArn: string | undefined;
/** The sandbox emulator's clock just before the grant (sandbox runs only). */
let grantedBefore: number | undefined;
/** How long RAM may take, and how often to look: on real AWS within the run's 120 s test timeout, in the sandbox seconds. */
let wait: { timeout: number; interval: number };

/** The table's resource association in the mesh account's shares, if RAM shows one yet. */
async function tableAssociation(): Promise<ResourceShareAssociation | undefined> {
  const { resourceShareAssociations } = await meshRam.send(new GetResourceShareAssociationsCommand({ associationType: 'RESOURCE', resourceArn: tableArn }));
  return (resourceShareAssociations ?? []).find((a) => a.status !== 'DISASSOCIATED');
}

beforeAll(async () => {
  target = await startConformanceTarget();
  book = answerBook(target, 'ram-share-association');
  wait = target.kind === 'aws' ? { timeout: 100_000, interval: 5_000 } : { timeout: 15_000, interval: 100 };
  meshGlue = new GlueClient(target.as('mesh'));
  meshLf = new LakeFormationClient(target.as('mesh'));
  meshRam = new RAMClient(target.as('mesh'));
  consumerRam = new RAMClient(target.as('consumer'));
  database = target.name('ramassoc');
  tableArn = `arn:aws:glue:${target.region}:${target.accounts.mesh}:table/${database}/events`;
  await meshGlue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: database } }));
  await meshGlue.send(new CreateTableCommand({ DatabaseName: database, TableInput: { Name: 'events', StorageDescriptor: { Columns: [{ Name: 'id', Type: 'string' }] } } }));
});

afterAll(async () => {
  const resource = { Table: { CatalogId: target.accounts.mesh, DatabaseName: database, Name: 'events' } };
  await meshLf
    .send(new RevokePermissionsCommand({ Principal: { DataLakePrincipalIdentifier: target.accounts.consumer }, Resource: resource, Permissions: GRANTED, PermissionsWithGrantOption: GRANTED }))
    .catch(() => undefined);
  await meshGlue.send(new DeleteDatabaseCommand({ Name: database })).catch(() => undefined);
  book.save();
  for (const client of [meshGlue, meshLf, meshRam, consumerRam]) client.destroy();
  await target.close();
});

describe('a Lake Formation grant to another account, through RAM', () => {
  it('grants the table to the consumer account, with grant option as cross-account grants take it', async () => {
    grantedBefore = target.emulator?.controls.clock.now();
    const answer = await answerOf(
      meshLf.send(
        new GrantPermissionsCommand({
          Principal: { DataLakePrincipalIdentifier: target.accounts.consumer },
          Resource: { Table: { CatalogId: target.accounts.mesh, DatabaseName: database, Name: 'events' } },
          Permissions: GRANTED,
          PermissionsWithGrantOption: GRANTED,
        }),
      ),
    );
    expect(answer).toEqual({ ok: true });
    book.check('grant-to-account', answer);
  });

  it('associates the table with a resource share: ASSOCIATING, then ASSOCIATED', async () => {
    // GetResourceShareAssociations: each association is ASSOCIATING until RAM completes it; how long
    // that takes is not documented, so an early look may already see ASSOCIATED.
    const seen: (string | undefined)[] = [];
    const first = await tableAssociation();
    seen.push(first?.status);
    // In the sandbox, a first look within the emulator's delay of the grant must see ASSOCIATING.
    const emulator = target.emulator;
    if (emulator && grantedBefore !== undefined && emulator.controls.clock.now() - grantedBefore < emulator.controls.ramAssociationDelay.get()) expect(first?.status).toBe('ASSOCIATING');
    const done = await vi.waitFor(
      async () => {
        const association = await tableAssociation();
        seen.push(association?.status);
        expect(association?.status).toBe('ASSOCIATED');
        return association!;
      },
      wait,
    );
    expect(seen.filter((s) => s !== undefined).every((s) => s === 'ASSOCIATING' || s === 'ASSOCIATED')).toBe(true);
    expect(done).toMatchObject({ associationType: 'RESOURCE', associatedEntity: tableArn });
    expect(done.resourceShareArn).toMatch(new RegExp(`^arn:aws:ram:${target.region}:${target.accounts.mesh}:resource-share/`));
    shareArn = done.resourceShareArn;
    // ListResources (SELF): "the resources that you added to a resource share".
    const { resources } = await meshRam.send(new ListResourcesCommand({ resourceOwner: 'SELF', resourceShareArns: [shareArn!] }));
    expect(resources?.map((r) => r.arn)).toContain(tableArn);
  });

  it('invites the consumer account, whose administrator accepts the invitation', async () => {
    const invitation = await vi.waitFor(
      async () => {
        const { resourceShareInvitations } = await consumerRam.send(new GetResourceShareInvitationsCommand({ resourceShareArns: [shareArn!] }));
        const pending = (resourceShareInvitations ?? []).find((i) => i.status === 'PENDING');
        expect(pending).toBeDefined();
        return pending as ResourceShareInvitation;
      },
      wait,
    );
    expect(invitation).toMatchObject({ senderAccountId: target.accounts.mesh, receiverAccountId: target.accounts.consumer, resourceShareArn: shareArn });
    const answer = await answerOf(consumerRam.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitation.resourceShareInvitationArn })));
    expect(answer).toEqual({ ok: true });
    book.check('accept-invitation', answer);
  });

  it('then associates the consumer account as a principal of the share', async () => {
    // AcceptResourceShareInvitation makes the share's resources available; RAM may take a moment to
    // show the principal ASSOCIATED, so it is polled.
    await vi.waitFor(
      async () => {
        const { resourceShareAssociations } = await meshRam.send(
          new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', principal: target.accounts.consumer, resourceShareArns: [shareArn!] }),
        );
        expect(resourceShareAssociations?.map((a) => a.status)).toEqual(['ASSOCIATED']);
      },
      wait,
    );
  });

  it('and lists the table among the resources shared with the consumer account', async () => {
    // AcceptResourceShareInvitation: "After you accept the invitation, the resources included in the
    // resource share are available"; ListResources (OTHER-ACCOUNTS): "resources that other accounts share with your account".
    await vi.waitFor(
      async () => {
        const { resources } = await consumerRam.send(new ListResourcesCommand({ resourceOwner: 'OTHER-ACCOUNTS', resourceShareArns: [shareArn!] }));
        expect(resources?.map((r) => r.arn)).toContain(tableArn);
      },
      wait,
    );
  });
});

describe('GetResourceShareAssociations input rules', () => {
  it('refuses a resourceArn with associationType PRINCIPAL', async () => {
    // API reference, `resourceArn`: "You cannot specify this parameter if the association type is PRINCIPAL."
    const answer = await answerOf(meshRam.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', resourceArn: tableArn })));
    expect(answer).toMatchObject({ ok: false, code: 'InvalidParameterException' });
    book.check('principal-with-resource-arn', answer);
  });

  it('refuses a principal with associationType RESOURCE', async () => {
    // API reference, `principal`: "You cannot specify this parameter if the association type is RESOURCE."
    const answer = await answerOf(meshRam.send(new GetResourceShareAssociationsCommand({ associationType: 'RESOURCE', principal: target.accounts.consumer })));
    expect(answer).toMatchObject({ ok: false, code: 'InvalidParameterException' });
    book.check('resource-with-principal', answer);
  });
});
