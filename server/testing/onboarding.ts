import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import type { RegisterOrganizationInput } from '@/server/schemas/onboarding';
import { unique } from './factories';

/** A registration form filled in as a real company would. */
export function registrationInput(overrides: Partial<RegisterOrganizationInput> = {}): RegisterOrganizationInput {
  const id = unique();
  return {
    organizationName: `Registrant ${id} GmbH`,
    addressLine1: '1 Main Street',
    city: 'Springfield',
    postalCode: '12345',
    country: 'US',
    phone: '+1 555 0100',
    taxNumber: `TAX-${id}`,
    adminName: `Admin ${id}`,
    adminEmail: `admin-${id}@registrant.test`,
    password: 'Granite-meadow-19-kite',
    ...overrides,
  };
}

/** The emails queued to an address, newest first. */
export function emailsTo(db: Database, address: string, kind?: string) {
  return db
    .select({ kind: emailOutbox.kind, props: emailOutbox.props })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, address), kind ? eq(emailOutbox.kind, kind) : undefined))
    .orderBy(desc(emailOutbox.createdAt));
}

/** The token at the end of the link an email carries in `prop`. */
export async function tokenFromEmail(db: Database, address: string, kind: string, prop: string): Promise<string> {
  const [email] = await emailsTo(db, address, kind);
  const url = String(email?.props[prop] ?? '');
  const token = new URL(url).searchParams.get('token');
  if (!token) throw new Error(`no ${kind} email with a token to ${address}`);
  return token;
}
