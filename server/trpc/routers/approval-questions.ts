import { answerQuestionSchema, askQuestionSchema, authorizationOrderSchema } from '@/server/schemas/authorizations';
import { answerQuestion, askQuestion, orderThread } from '@/server/services/approvals/questions';
import { buyerProcedure, router } from '../init';

/** Questions an authorizer asks the requester of an order, and the requester's answers. */
export const approvalQuestionsRouter = router({
  // Read by the order's authorizers and by its requester (who holds only 'orders.view').
  thread: buyerProcedure
    .meta({ permission: ['orders.approve', 'orders.view'] })
    .input(authorizationOrderSchema)
    .query(({ ctx, input }) => orderThread(ctx.db, ctx.actor, input.number)),
  ask: buyerProcedure
    .meta({ permission: 'orders.approve' })
    .input(askQuestionSchema)
    .mutation(({ ctx, input }) => askQuestion(ctx.db, ctx.actor, input, ctx.now())),
  answer: buyerProcedure
    .meta({ permission: 'orders.view' })
    .input(answerQuestionSchema)
    .mutation(({ ctx, input }) => answerQuestion(ctx.db, ctx.actor, input, ctx.now())),
});
