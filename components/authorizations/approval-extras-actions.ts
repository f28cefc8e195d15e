'use server';

import { revalidatePath } from 'next/cache';
import type { RouterInputs, RouterOutputs } from '@/components/trpc/types';
import { runProcedure, type ActionResult } from '@/server/trpc/actions';

/*
 * Bulk approval, questions and handing on as server actions: the same procedures and checks as
 * over HTTP (session, organization, permission, input), and Next's own check that an action is
 * posted from our origin. The inbox and the approval page need no tRPC client in the browser.
 */

export type BulkApprovalState = ActionResult<RouterOutputs['authorizations']['approveMany']> | null;

/** The inbox's "Approve selected": a plain form of check boxes (`number`) and a `feedback` comment. */
export async function approveSelected(_previous: BulkApprovalState, form: FormData): Promise<BulkApprovalState> {
  const numbers = form.getAll('number').map(String);
  const feedback = String(form.get('feedback') ?? '').trim();
  const result = await runProcedure((caller) =>
    caller.authorizations.approveMany({ numbers, feedback: feedback || undefined }),
  );
  if (result.ok) revalidatePath('/authorizations');
  return result;
}

export async function askRequester(input: RouterInputs['approvalQuestions']['ask']) {
  return runProcedure((caller) => caller.approvalQuestions.ask(input));
}

export async function answerAuthorizers(input: RouterInputs['approvalQuestions']['answer']) {
  return runProcedure((caller) => caller.approvalQuestions.answer(input));
}

export async function handStepOn(input: RouterInputs['authorizations']['handOn']) {
  return runProcedure((caller) => caller.authorizations.handOn(input));
}
