import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatDateTime } from '@/components/ui/format';
import { getDb } from '@/db/client';
import { getDevMail } from '@/db/queries/dev-mailbox';
import { serverEnv } from '@/server/env';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function linksIn(html: string): string[] {
  return [
    ...new Set([...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]?.replaceAll('&amp;', '&') ?? '')),
  ].filter((href) => href.startsWith('http'));
}

export default async function DevMailPage({ params }: Props) {
  if (!serverEnv().devMailboxEnabled) notFound();
  const { id } = await params;
  const mail = UUID.test(id) ? await getDevMail(getDb(), id) : undefined;
  if (!mail) notFound();
  const links = linksIn(mail.html);
  return (
    <main id="main">
      <p>
        <Link href="/dev/mailbox">← All emails</Link>
      </p>
      <h1>{mail.subject}</h1>
      <p className="lede">
        To {mail.toAddress} · {formatDateTime(mail.deliveredAt)}
      </p>
      {links.length > 0 && (
        <section className="card" aria-labelledby="links">
          <h2 id="links">Links in this email</h2>
          <ul>
            {links.map((href) => (
              <li key={href}>
                <a href={href}>{href}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {/* Sandboxed: no scripts, links open in the top window as they would from a mail client. */}
      <iframe
        title={`Email: ${mail.subject}`}
        className="mail-frame"
        sandbox="allow-top-navigation-by-user-activation allow-popups"
        srcDoc={`<base target="_top">${mail.html}`}
      />
    </main>
  );
}
