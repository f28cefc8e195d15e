import { notFound } from 'next/navigation';
import { LocalTime } from '@/components/ui/local-time';
import { orRefusalPage } from '@/components/shell/refusal';
import { serverCaller } from '@/server/trpc/server';
import { BackLink } from '@/components/ui/back-link';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function DevMailPage({ params }: Props) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const mail = await orRefusalPage((await serverCaller()).devMailbox.get({ id }));
  const links = mail.links;
  return (
    <main id="main">
      <BackLink href="/dev/mailbox">All emails</BackLink>
      <h1>{mail.subject}</h1>
      <p className="lede">
        To {mail.toAddress} · <LocalTime at={mail.deliveredAt} />
      </p>
      {links.length > 0 && (
        <section className="card" aria-labelledby="links">
          <h2 id="links">Links in this email</h2>
          <ul>
            {links.map((href) => (
              <li key={href}>
                <a className="link-target" href={href}>
                  {href}
                </a>
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
