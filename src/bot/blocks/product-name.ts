import type { DataProduct } from '../../mesh/domain/data-product';
import { code, escapeMrkdwn } from './mrkdwn';

// A product published without `--name` is named by its id; saying "telco-111111111111 `telco-111111111111`"
// tells the reader nothing twice. The id is shown beside the name only when it differs.

/** Whether the product has a name of its own, other than its id. */
export function hasOwnName(product: Pick<DataProduct, 'id' | 'name'>): boolean {
  return product.name !== product.id;
}

/** The product in mrkdwn: `*Telco use cases* \`telco-111111111111\``, or just `` `telco-111111111111` `` when the name is the id. */
export function productNameText(product: Pick<DataProduct, 'id' | 'name'>): string {
  return hasOwnName(product) ? `*${escapeMrkdwn(product.name)}* ${code(product.id)}` : code(product.id);
}

/** The product in plain words (notification text): `Telco use cases (telco-111111111111)`, or `telco-111111111111`. */
export function productNamePlain(product: Pick<DataProduct, 'id' | 'name'>): string {
  return hasOwnName(product) ? `${product.name} (${product.id})` : product.id;
}
