import type { Executor } from '@/db/client';
import { getDevMail, listDevMail } from '@/db/queries/dev-mailbox';
import { notFound } from '@/server/domain/errors';
import { serverEnv } from '@/server/env';
import type { DevMailListInput } from '@/server/schemas/dev-mailbox';

const PAGE_SIZE = 25;

// Off in production unless DEV_MAILBOX=on: the mailbox holds every email the app "sent".
function requireDevMailbox(): void {
  if (!serverEnv().devMailboxEnabled) throw notFound('The dev mailbox');
}

/** A page of the emails the dev transport kept, newest first. */
export async function devMailboxPage(db: Executor, input: DevMailListInput) {
  requireDevMailbox();
  const search = input.search || undefined;
  return { ...(await listDevMail(db, { search, page: input.page, pageSize: PAGE_SIZE })), search, page: input.page };
}

/** One email of the dev mailbox with the web links it holds, to follow them as the recipient would. */
export async function devMailboxEmail(db: Executor, id: string) {
  requireDevMailbox();
  const mail = await getDevMail(db, id);
  if (!mail) throw notFound('That email');
  return { ...mail, links: linksIn(mail.html) };
}

function linksIn(html: string): string[] {
  const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]?.replaceAll('&amp;', '&') ?? '');
  return [...new Set(hrefs)].filter((href) => href.startsWith('http'));
}
