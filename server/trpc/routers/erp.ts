import {
  completeInstantAccountSchema,
  createAccountFromContactSchema,
  emailLinkSchema,
  erpContactsSchema,
  erpImportSchema,
  excludedCodesSchema,
  requestInstantAccountSchema,
} from '@/server/schemas/erp';
import {
  applyErpImport,
  listErpContacts,
  listExcludedCodes,
  previewErpImport,
  replaceExcludedCodes,
} from '@/server/services/erp/import';
import {
  completeInstantAccount,
  createAccountFromContact,
  peekInstantAccount,
  requestInstantAccount,
} from '@/server/services/erp/instant-accounts';
import { answerAfter, NEUTRAL_ANSWER_FLOOR_MS } from '@/server/http/answer-after';
import { publicProcedure, router, staffProcedure } from '../init';

const erpStaffProcedure = staffProcedure.meta({ permission: 'staff.erp.import' });

export const erpRouter = router({
  /** Staff: the ERP snapshot, its import and the excluded customers. */
  previewImport: erpStaffProcedure.input(erpImportSchema).mutation(({ ctx, input }) => previewErpImport(ctx.db, input)),
  applyImport: erpStaffProcedure
    .input(erpImportSchema)
    .mutation(({ ctx, input }) => applyErpImport(ctx.db, { ...input, actor: ctx.actor, now: ctx.now() })),
  excludedCodes: erpStaffProcedure.query(({ ctx }) => listExcludedCodes(ctx.db)),
  updateExcludedCodes: erpStaffProcedure
    .input(excludedCodesSchema)
    .mutation(({ ctx, input }) =>
      replaceExcludedCodes(ctx.db, { codes: input.codes, actor: ctx.actor, now: ctx.now() }),
    ),
  contacts: erpStaffProcedure.input(erpContactsSchema).query(({ ctx, input }) => listErpContacts(ctx.db, input)),
  createAccount: erpStaffProcedure
    .input(createAccountFromContactSchema)
    .mutation(({ ctx, input }) =>
      createAccountFromContact(ctx.db, { contactId: input.contactId, actor: ctx.actor, now: ctx.now() }),
    ),

  /** Public: "I already buy from you". The same answer, in the same time, whatever the address. */
  requestInstantAccount: publicProcedure
    .input(requestInstantAccountSchema)
    .mutation(({ ctx, input }) =>
      answerAfter(NEUTRAL_ANSWER_FLOOR_MS, () =>
        requestInstantAccount(ctx.db, { email: input.email, clientAddress: ctx.clientAddress, now: ctx.now() }),
      ),
    ),
  instantAccount: publicProcedure
    .input(emailLinkSchema)
    .query(({ ctx, input }) => peekInstantAccount(ctx.db, { token: input.token, now: ctx.now() })),
  completeInstantAccount: publicProcedure
    .input(completeInstantAccountSchema)
    .mutation(({ ctx, input }) =>
      completeInstantAccount(ctx.db, { token: input.token, newPassword: input.newPassword, now: ctx.now() }),
    ),
});
