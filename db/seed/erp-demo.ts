import type { Executor } from '../client';

/** ERP customers, contacts and exclusions for the instant-account demo. */
export async function seedErpDemo(_tx: Executor): Promise<void> {}
