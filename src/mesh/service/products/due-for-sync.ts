import type { DataProduct } from '../../domain/data-product';

const HOUR_MS = 3_600_000;

/**
 * The products whose scheduled sync is due at `now` (epoch ms): `syncEveryHours` hours or more since
 * the product was last published or synced (`updatedAt`); 0 hours means never. Pure, for the scheduler.
 */
export function dueForSync(products: readonly DataProduct[], now: number): DataProduct[] {
  return products.filter((p) => p.syncEveryHours > 0 && now - Date.parse(p.updatedAt) >= p.syncEveryHours * HOUR_MS);
}
