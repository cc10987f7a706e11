import type { Identity, PersonaKind } from '../../mesh/domain/identity';
import type { SlackUser } from '../../mesh/domain/slack-user';
import { context, message, section } from './block-kit';
import { code, dateText, joinCapped, mention } from './mrkdwn';
import type { SlackMessage } from './slack-types';

export interface WhoamiInput {
  user: SlackUser;
  identity: Identity | undefined;
  meshAdmin: boolean;
}

const KIND_LABEL: Record<PersonaKind, string> = { producer: 'Producer', consumer: 'Consumer', admin: 'Admin' };

/** Who the mesh takes the user for: their account personas and whether they are a mesh admin. */
export function buildWhoamiMessage(input: WhoamiInput): SlackMessage {
  const { user, identity, meshAdmin } = input;
  const personas = identity?.personas ?? [];
  const kinds: PersonaKind[] = ['producer', 'consumer', 'admin'];
  const lines = kinds
    .map((kind) => {
      const accounts = personas.filter((p) => p.kind === kind).map((p) => code(p.accountId));
      return accounts.length > 0 ? `*${KIND_LABEL[kind]}* for ${joinCapped(accounts, ', ', 800, 30)}` : undefined;
    })
    .filter((line): line is string => line !== undefined);
  const blocks = [
    section(`:bust_in_silhouette: You are ${mention(user).mrkdwn}${meshAdmin ? ' · :shield: *mesh admin*' : ''}`),
    section(
      lines.length > 0
        ? lines.join('\n')
        : `You act for no account yet, so you can neither publish nor request. Ask a mesh admin to map you to an account (${code('/mesh admin map')}).`,
    ),
    ...(identity ? [context(`Mapping updated ${dateText(identity.updatedAt)}${identity.updatedBy ? ` by ${mention(identity.updatedBy).mrkdwn}` : ''}`)] : []),
  ];
  return message(`You act for ${personas.length} account personas${meshAdmin ? ' and are a mesh admin' : ''}`, blocks);
}
