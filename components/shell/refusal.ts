import 'server-only';
import { TRPCError } from '@trpc/server';
import { forbidden, notFound } from 'next/navigation';

/** Turns a refusal from a procedure called by a page into the 403 or 404 page. */
export async function orRefusalPage<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'FORBIDDEN') forbidden();
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}
