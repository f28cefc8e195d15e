'use server';

import { revalidatePath } from 'next/cache';
import type { RouterInputs } from '@/components/trpc/types';
import { runProcedure } from '@/server/trpc/actions';

/*
 * "Notify me on this device" as server actions: the same procedures and checks as over HTTP,
 * without the tRPC client in the inbox's and the approval page's JavaScript. Inputs are validated
 * by the procedures.
 */

export async function subscribeThisDevice(input: RouterInputs['notifications']['subscribe']) {
  const result = await runProcedure((caller) => caller.notifications.subscribe(input));
  revalidatePath('/account');
  return result;
}

export async function unsubscribeThisDevice(input: RouterInputs['notifications']['unsubscribe']) {
  const result = await runProcedure((caller) => caller.notifications.unsubscribe(input));
  revalidatePath('/account');
  return result;
}

export async function sendTestNotification() {
  return runProcedure((caller) => caller.notifications.sendTest());
}

/** My account's "Stop" beside a listed device: a plain form, no JavaScript needed. */
export async function removePushDevice(subscriptionId: string) {
  await runProcedure((caller) => caller.notifications.removeDevice({ subscriptionId }));
  revalidatePath('/account');
}
