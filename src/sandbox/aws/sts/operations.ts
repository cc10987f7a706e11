import type { ServiceOperations } from '../operation';

/** The emulated operations of this service, by API name. */
export const stsOperations: ServiceOperations = {};
