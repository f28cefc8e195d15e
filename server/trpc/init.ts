import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import type { Permission } from '@/server/domain/access/permissions';
import { DomainError, type DomainErrorCode } from '@/server/domain/errors';
import { sessionTimeouts } from '@/server/env';
import { observeProcedure } from '@/server/observability/procedures';
import { actorOf, resolveViewer, type ActiveMembership, type Viewer } from '@/server/services/identity/viewer';
import type { TRPCContext } from './context';
import { SecondFactorRefusal, secondFactorRefusal } from './second-factor-gate';

const TRPC_CODES: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  unauthenticated: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  invalid: 'BAD_REQUEST',
  precondition_failed: 'PRECONDITION_FAILED',
  rate_limited: 'TOO_MANY_REQUESTS',
};

/**
 * Procedure metadata. `permission` names what a caller must effectively hold; orgProcedure checks
 * it, and the permission-matrix test reads it, so the table and the checks cannot drift apart.
 */
export type ProcedureMeta = { permission?: Permission | readonly Permission[] };

/** Whether the permissions satisfy a procedure's `meta.permission` (any one of a list). */
export function satisfies(permissions: ReadonlySet<Permission>, required: ProcedureMeta['permission']): boolean {
  if (!required) return true;
  return typeof required === 'string'
    ? permissions.has(required)
    : required.some((permission) => permissions.has(permission));
}

/** A refusal as clients see it: a message fit to show and zod's or the domain's field errors. */
export type ClientError = { message: string; fieldErrors: Record<string, string[] | undefined> | null };

/**
 * The one place errors are shaped for clients, over HTTP (the formatter below) and for server
 * actions (server/trpc/actions.ts): field errors arrive as `fieldErrors`, which forms show beside
 * the fields; an internal error's details stay on the server in production.
 */
export function clientError(error: TRPCError): ClientError {
  const cause = error.cause;
  const fieldErrors: Record<string, string[] | undefined> | undefined =
    cause instanceof ZodError
      ? z.flattenError(cause).fieldErrors
      : cause instanceof DomainError
        ? cause.fieldErrors
        : undefined;
  const message = cause instanceof ZodError ? 'Some fields need attention.' : error.message;
  const hidden = error.code === 'INTERNAL_SERVER_ERROR' && process.env.NODE_ENV === 'production';
  return {
    message: hidden ? 'Something went wrong on our side. Please try again.' : message,
    fieldErrors: fieldErrors ?? null,
  };
}

const t = initTRPC
  .context<TRPCContext>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const { message, fieldErrors } = clientError(error);
      const secondFactor = error.cause instanceof SecondFactorRefusal ? error.cause.gate : undefined;
      return { ...shape, message, data: { ...shape.data, stack: undefined, fieldErrors, secondFactor } };
    },
  });

/** Turns a DomainError thrown by a service into the matching tRPC error, keeping it as the cause. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODES[cause.code], message: cause.message, cause });
  }
  return result;
});

/** After a procedure that queued emails, send them right after the response rather than at the next cron tick. */
const promptEmail = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  // Refusals too: some commit an email before refusing (a sign-in that asks to re-verify).
  ctx.onEmailQueued?.();
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** A span, a duration and, for a server error, a log line per call (server/observability). */
const observed = t.middleware(({ path, type, next }) => observeProcedure({ path, type }, next));

export const publicProcedure = t.procedure.use(observed).use(domainErrors).use(promptEmail);

/**
 * A signed-in session, whatever it still owes of the second factor: only for the sign-in's code step
 * and signing out. Everything else stacks the gate below on it.
 */
export const sessionProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const viewer: Viewer | null = ctx.requestViewer
    ? await ctx.requestViewer()
    : ctx.sessionId
      ? await resolveViewer(ctx.db, ctx.sessionId, ctx.now(), sessionTimeouts())
      : null;
  if (!viewer) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Your session has ended. Please sign in again.' });
  return next({ ctx: { viewer } });
});

/** A session that has given its code but must still set up a second factor: for the set-up itself. */
export const setupProcedure = sessionProcedure.use(({ ctx, next }) => {
  const refusal = secondFactorRefusal(ctx.viewer.secondFactor, ['setup_needed']);
  if (refusal) throw refusal;
  return next();
});

/** A signed-in user whose session row, user row and status are valid right now, with any second factor given. */
export const protectedProcedure = sessionProcedure.use(({ ctx, next }) => {
  const refusal = secondFactorRefusal(ctx.viewer.secondFactor, []);
  if (refusal) throw refusal;
  return next();
});

/**
 * A signed-in user acting in a usable membership: `ctx.actor` is who is calling, built once for the
 * request, and the procedure's `meta.permission`, if any, is effectively held (roles gated by flags).
 */
export const orgProcedure = protectedProcedure.use(async ({ ctx, meta, next }) => {
  const membership: ActiveMembership | null = ctx.viewer.membership;
  if (!membership) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: ctx.viewer.membershipProblem ?? 'Choose an account to work in first.',
    });
  }
  if (!satisfies(membership.permissions, meta?.permission)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: PERMISSION_REFUSED });
  }
  return next({ ctx: { actor: actorOf(ctx.viewer, membership) } });
});

export const PERMISSION_REFUSED = 'You do not have permission to do this.';

/** A member of a buyer organization. */
export const buyerProcedure = orgProcedure.use(({ ctx, next }) => {
  if (ctx.actor.organization.kind !== 'buyer') {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'This is for members of a buying organization.' });
  }
  return next();
});

/** Seller staff. */
export const staffProcedure = orgProcedure.use(({ ctx, next }) => {
  if (ctx.actor.organization.kind !== 'seller') {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'This is for Countersign staff only.' });
  }
  return next();
});
