'use server';

import type { RouterInputs } from '@/components/trpc/types';
import { runProcedure } from '@/server/trpc/actions';

/*
 * The approval page's decisions as server actions: the same procedures and checks as over HTTP,
 * without shipping the tRPC client and react-query to the phone (issue 6: the page's first-load
 * JavaScript). Inputs are validated by the procedures.
 */

export async function approveOrder(input: RouterInputs['authorizations']['approve']) {
  return runProcedure((caller) => caller.authorizations.approve(input));
}

export async function declineOrder(input: RouterInputs['authorizations']['decline']) {
  return runProcedure((caller) => caller.authorizations.decline(input));
}

export async function cancelMyDecision(input: RouterInputs['authorizations']['cancelDecision']) {
  return runProcedure((caller) => caller.authorizations.cancelDecision(input));
}
