import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { getDb } from '@/db/client';
import { peekEmailToken } from '@/server/auth/email-tokens';
import type { EmailTokenPurpose } from '@/server/domain/auth/tokens';
import { ConfirmToken } from './confirm-token';

/** The page behind an emailed link: why it no longer works, or the button that uses it. */
export async function TokenPage(props: {
  token: string | undefined;
  purpose: EmailTokenPurpose & ('verify_email' | 'reverify');
  title: string;
  explanation: string;
  label: string;
}) {
  const check =
    props.token && props.token.length <= 200
      ? await peekEmailToken(getDb(), props.token, props.purpose, new Date())
      : null;
  return (
    <>
      <h1>{props.title}</h1>
      {check?.ok && props.token ? (
        <>
          <p className="lede">{props.explanation}</p>
          <ConfirmToken
            token={props.token}
            purpose={props.purpose === 'verify_email' ? 'verifyEmail' : 'reverify'}
            label={props.label}
          />
        </>
      ) : (
        <>
          <Alert tone="error">{check?.message ?? 'This link is not valid. Ask for a new one.'}</Alert>
          <Link href="/sign-in">Go to sign-in</Link>
        </>
      )}
    </>
  );
}
