import { PRODUCT_SETTINGS, type DataProduct, type ProductChange, type ProductSetting } from './data-product';
import { slackUserKey, type SlackUser } from './slack-user';

/** The settings a publish asks for; an absent one keeps the product's. */
export type ProductSettings = Partial<Pick<DataProduct, ProductSetting>>;

function shown(value: DataProduct[ProductSetting] | undefined): string {
  if (value === undefined) return '(none)';
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : item.userId)).join(', ');
  return String(value);
}

/** A value's identity for comparison: owners and permissions as sets, the rest as they are. */
function sameValue(setting: ProductSetting, a: DataProduct[ProductSetting] | undefined, b: DataProduct[ProductSetting] | undefined): boolean {
  if (setting === 'owners') {
    const keys = (users: unknown) => [...new Set((users as SlackUser[] | undefined ?? []).map(slackUserKey))].sort().join(' ');
    return keys(a) === keys(b);
  }
  if (Array.isArray(a) && Array.isArray(b)) return [...new Set(a as string[])].sort().join(' ') === [...new Set(b as string[])].sort().join(' ');
  return a === b;
}

/** What `requested` would change in `product`, setting by setting, in the order of PRODUCT_SETTINGS. */
export function productChanges(product: DataProduct, requested: ProductSettings): ProductChange[] {
  return PRODUCT_SETTINGS.flatMap((setting): ProductChange[] => {
    const wanted = requested[setting];
    if (wanted === undefined || sameValue(setting, product[setting], wanted)) return [];
    return [{ setting, before: shown(product[setting]), after: shown(wanted) }];
  });
}
