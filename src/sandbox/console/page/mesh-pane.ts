/// <reference lib="dom" />
import type { ConsoleAccount, ConsoleState, ConsoleSubscription } from '../console-types';
import { h, reconcile, type Child } from './dom';
import type { MentionNames } from './mrkdwn';

const STATUS_CLASS: Record<string, string> = {
  PENDING: 'pending',
  GRANTING: 'working',
  MODIFYING: 'working',
  REVOKING: 'working',
  ACTIVE: 'ok',
  DENIED: 'bad',
  FAILED: 'bad',
  CANCELLED: 'muted',
  EXPIRED: 'muted',
  REVOKED: 'muted',
};

function shortTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit' });
}

/**
 * Marks what appeared since the last draw (a grant, a link, an invitation's new state, a history
 * line) so a click visibly changes the mesh; nothing is marked on the first draw.
 */
class FreshKeys {
  private seen = new Set<string>();
  private first = true;
  private next = new Set<string>();

  /** The class for an item: `fresh` when its key is new since the previous draw. */
  mark(key: string): string {
    this.next.add(key);
    return !this.first && !this.seen.has(key) ? ' fresh' : '';
  }

  /** End of a draw. */
  done(): void {
    this.seen = this.next;
    this.next = new Set();
    this.first = false;
  }
}

/** The right half of the console: the mesh as it is now, account by account, and the subscriptions with their history. */
export class MeshPane {
  readonly element: HTMLElement;
  private readonly body = h('div', { class: 'mesh-body' });
  private readonly fresh = new FreshKeys();

  constructor(private readonly names: MentionNames) {
    this.element = h('section', { class: 'mesh', attrs: { 'aria-label': 'The mesh, live', id: 'mesh' } }, h('h2', { class: 'pane-title' }, 'The mesh, live'), this.body);
  }

  /** Draw the mesh side of `state`. */
  update(state: ConsoleState): void {
    const { mesh } = state;
    reconcile(this.body, [
      h(
        'section',
        { class: 'mesh-section', attrs: { id: 'subscriptions', 'aria-label': 'Subscriptions' } },
        h('h3', {}, `Subscriptions (${mesh.subscriptions.length})`),
        mesh.subscriptions.length === 0 ? h('p', { class: 'empty' }, 'None yet. A request from a consumer appears here with its history.') : mesh.subscriptions.map((s) => this.subscription(s)),
      ),
      h(
        'section',
        { class: 'mesh-section', attrs: { id: 'products', 'aria-label': 'Data products' } },
        h('h3', {}, 'Data products'),
        h(
          'ul',
          { class: 'plain-list' },
          mesh.products.map((p) =>
            h(
              'li',
              { class: `product${this.fresh.mark(`product:${p.id}:${p.version}`)}` },
              h('code', {}, p.id),
              ` v${p.version} · ${p.tables.length} tables · owners ${p.owners.map((o) => this.names.user(o)).join(', ')}`,
            ),
          ),
        ),
      ),
      ...mesh.accounts.map((a) => this.account(a)),
    ]);
    this.fresh.done();
  }

  private subscription(s: ConsoleSubscription): HTMLElement {
    return h(
      'article',
      { class: `subscription${this.fresh.mark(`sub:${s.id}:${s.status}`)}`, attrs: { 'data-subscription-id': s.id, 'data-status': s.status } },
      h(
        'header',
        {},
        h('span', { class: `status ${STATUS_CLASS[s.status] ?? ''}` }, s.status),
        ' ',
        h('code', {}, s.productId),
        ' → account ',
        h('code', {}, s.consumerAccountId),
      ),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Requested by'),
        h('dd', {}, this.names.user(s.requester)),
        h('dt', {}, 'Tables'),
        h('dd', {}, s.tables.join(', ')),
        h('dt', {}, 'Permissions'),
        h('dd', {}, s.grantedPermissions.length > 0 ? `${s.grantedPermissions.join(', ')} granted` : `${s.requestedPermissions.join(', ')} requested`),
        h('dt', {}, 'Reason'),
        h('dd', { class: 'reason' }, s.justification),
        s.decidedBy !== undefined ? [h('dt', {}, 'Decided by'), h('dd', {}, this.names.user(s.decidedBy), s.decisionNotes !== undefined ? ` — ${s.decisionNotes}` : '')] : null,
        s.links.length > 0 ? [h('dt', {}, 'Query as'), h('dd', { class: 'names' }, s.links.map((n) => h('code', { class: this.fresh.mark(`name:${s.id}:${n}`).trim() }, n)))] : null,
        s.resourceLinks.length > 0 ? [h('dt', {}, 'Resource links'), h('dd', { class: 'resource-links' }, s.resourceLinks.map((l) => h('div', { class: `link${this.fresh.mark(`link:${s.id}:${l}`)}` }, '🔗 ', l)))] : null,
      ),
      s.plan.length > 0
        ? h(
            'table',
            { class: 'grants plan', attrs: { 'aria-label': 'Grant plan' } },
            h('caption', {}, `Grant plan (${s.plan.length} Lake Formation entries)`),
            h(
              'tbody',
              {},
              s.plan.map((e) =>
                h(
                  'tr',
                  { class: this.fresh.mark(`plan:${s.id}:${e.resource}:${e.outcome}`).trim() },
                  h('td', {}, e.principal),
                  h('td', {}, e.resource),
                  h('td', {}, e.permissions.join(', '), e.grantable.length > 0 ? h('span', { class: 'muted' }, ` (grantable: ${e.grantable.join(', ')})`) : null),
                  h('td', {}, h('span', { class: `status ${e.outcome === 'DONE' ? 'ok' : e.outcome.startsWith('FAILED') ? 'bad' : 'pending'}` }, e.outcome)),
                ),
              ),
            ),
          )
        : null,
      h(
        'ol',
        { class: 'history', attrs: { 'aria-label': 'History' } },
        s.history.map((e, i) =>
          h(
            'li',
            { class: this.fresh.mark(`history:${s.id}:${i}`).trim() },
            h('time', { attrs: { datetime: e.at } }, shortTime(e.at)),
            ' ',
            h('strong', {}, e.event),
            ` ${e.from !== undefined ? `${e.from} → ` : ''}${e.to} by ${e.actor.startsWith('U') || e.actor.startsWith('W') ? this.names.user(e.actor) : e.actor}`,
            e.note !== undefined ? h('div', { class: 'note' }, e.note) : null,
          ),
        ),
      ),
    );
  }

  private account(a: ConsoleAccount): HTMLElement {
    const tables = (dbName: string, list: ConsoleAccount['databases'][number]['tables']): Child =>
      list.length === 0
        ? null
        : h(
            'ul',
            {},
            list.map((t) =>
              h(
                'li',
                { class: `${t.linkTo !== undefined ? 'link' : 'table'}${this.fresh.mark(`table:${a.id}:${dbName}.${t.name}`)}` },
                h('code', {}, t.name),
                t.linkTo !== undefined ? h('span', { class: 'link-target' }, ` 🔗 → ${t.linkTo}`) : h('span', { class: 'muted' }, ` ${t.columns} columns`),
              ),
            ),
          );
    return h(
      'section',
      { class: 'mesh-section account', attrs: { id: `account-${a.id}`, 'aria-label': `Account ${a.name} ${a.id}`, 'data-account-id': a.id } },
      h('h3', {}, `${a.name} `, h('code', {}, a.id)),
      h('h4', {}, 'Glue catalog'),
      a.databases.length === 0
        ? h('p', { class: 'empty' }, 'No databases.')
        : h(
            'ul',
            { class: 'catalog' },
            a.databases.map((d) =>
              h(
                'li',
                { class: `${d.linkTo !== undefined ? 'link' : 'database'}${this.fresh.mark(`db:${a.id}:${d.name}`)}`, attrs: { 'data-database': d.name } },
                h('code', {}, d.name),
                d.linkTo !== undefined ? h('span', { class: 'link-target' }, ` 🔗 resource link → ${d.linkTo}`) : null,
                tables(d.name, d.tables),
              ),
            ),
          ),
      h('h4', {}, `Lake Formation grants (${a.grants.length})`),
      a.grants.length === 0
        ? h('p', { class: 'empty' }, 'No grants on this catalog.')
        : h(
            'table',
            { class: 'grants' },
            h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Principal'), h('th', { attrs: { scope: 'col' } }, 'Resource'), h('th', { attrs: { scope: 'col' } }, 'Permissions'))),
            h(
              'tbody',
              {},
              a.grants.map((g) =>
                h(
                  'tr',
                  { class: this.fresh.mark(`grant:${g.id}:${g.permissions.join(',')}:${g.grantable.join(',')}`).trim() },
                  h('td', {}, g.principal),
                  h('td', {}, g.resource),
                  h('td', {}, g.permissions.join(', '), g.grantable.length > 0 ? h('span', { class: 'muted' }, ` (grantable: ${g.grantable.join(', ')})`) : null),
                ),
              ),
            ),
          ),
      h('h4', {}, 'RAM invitations received'),
      a.invitations.length === 0
        ? h('p', { class: 'empty' }, 'None.')
        : h(
            'ul',
            { class: 'plain-list' },
            a.invitations.map((i) =>
              h(
                'li',
                { class: `invitation${this.fresh.mark(`inv:${i.arn}:${i.status}`)}` },
                h('span', { class: `status ${i.status === 'ACCEPTED' ? 'ok' : i.status === 'PENDING' ? 'pending' : 'muted'}` }, i.status),
                ` ${i.shareName} from `,
                h('code', {}, i.sender),
              ),
            ),
          ),
    );
  }
}
