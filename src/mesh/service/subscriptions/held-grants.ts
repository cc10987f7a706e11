import type { GrantEntry } from '../../domain/grant-entry';
import type { ResourceLink, Subscription } from '../../domain/subscription';

/**
 * The grants other subscriptions of the same consumer account hold or are about to hold, which a
 * revoke or modify must leave in place: the whole plan of ACTIVE and GRANTING ones, both plans of a
 * MODIFYING one (until its modify ends, either may be what it holds), and what a FAILED one already
 * got (a retry would not grant it again).
 */
export function plansStillHeld(others: readonly Subscription[]): GrantEntry[][] {
  return others.flatMap((other) => {
    if (other.status === 'ACTIVE' || other.status === 'GRANTING') return [other.plan];
    if (other.status === 'MODIFYING') return [other.plan, other.previousPlan ?? []];
    if (other.status === 'FAILED') return [other.plan.filter((e) => other.results[e.Id]?.outcome === 'DONE' && other.results[e.Id]?.operation === 'grant')];
    return [];
  });
}

const linkKey = (link: ResourceLink): string => JSON.stringify([link.catalogId, link.database, link.table ?? null]);

/**
 * Which of a subscription's links to delete when it goes: those no ACTIVE or GRANTING subscription
 * of the same consumer also uses; and the local link databases nobody else has links in (dropped
 * once empty).
 */
export function linksToDelete(mine: readonly ResourceLink[], others: readonly Subscription[]): { links: ResourceLink[]; dropEmpty: Set<string> } {
  const inUse = others.filter((o) => o.status === 'ACTIVE' || o.status === 'GRANTING' || o.status === 'MODIFYING').flatMap((o) => o.links);
  const used = new Set(inUse.map(linkKey));
  const databasesInUse = new Set(inUse.filter((l) => l.table !== undefined).map((l) => l.database));
  const links = mine.filter((link) => !used.has(linkKey(link)));
  const dropEmpty = new Set(links.filter((l) => l.table !== undefined && !databasesInUse.has(l.database)).map((l) => l.database));
  return { links, dropEmpty };
}
