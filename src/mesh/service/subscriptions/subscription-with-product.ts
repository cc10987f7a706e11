import type { DataProduct } from '../../domain/data-product';
import type { Subscription } from '../../domain/subscription';

/**
 * A subscription as an operation left it, with the product it is to: loaded once by the operation,
 * so whoever shows the outcome (every copy of the request, the DM, the App Homes) reads neither again.
 */
export interface SubscriptionWithProduct {
  subscription: Subscription;
  product: DataProduct;
}
