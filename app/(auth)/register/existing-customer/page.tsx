import Link from 'next/link';
import { InstantAccountRequestForm } from '@/components/erp/instant-account-request-form';

export const metadata = { title: 'I already buy from you' };

export default function ExistingCustomerPage() {
  return (
    <>
      <h1>I already buy from you</h1>
      <p className="lede">
        If your company already buys from us, enter the email address we know you by. We will email you a link to set up
        your online account.
      </p>
      <InstantAccountRequestForm />
      <p className="auth-links">
        <Link href="/sign-in">Back to sign-in</Link>
      </p>
    </>
  );
}
