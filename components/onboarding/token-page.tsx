import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import type { EmailTokenPurpose } from '@/server/domain/auth/tokens';
import { serverCaller } from '@/server/trpc/server';
import { ConfirmToken } from './confirm-token';

/** The page behind an emailed link: why it no longer works, or the button that uses it. */
export async function TokenPage(props: {
  token: string | undefined;
  purpose: EmailTokenPurpose & ('verify_email' | 'reverify');
  title: string;
  explanation: string;
  label: string;
}) {
  const caller = await serverCaller();
  const check =
    props.token && props.token.length >= 10 && props.token.length <= 200
      ? await (props.purpose === 'verify_email' ? caller.onboarding.verifyEmailLink : caller.onboarding.reverifyLink)({
          token: props.token,
        })
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
