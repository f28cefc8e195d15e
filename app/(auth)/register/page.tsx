import Link from 'next/link';
import { RegisterOrganizationForm } from '@/components/onboarding/register-organization-form';
import { countryOptions } from '@/components/ui/countries';

export const metadata = { title: 'Register your organization' };

export default function RegisterPage() {
  return (
    <>
      <h1>Register your organization</h1>
      <p className="lede">
        Open a business account. We review every registration, agree on terms with you and email you when your account
        is ready.
      </p>
      <RegisterOrganizationForm countries={countryOptions()} />
      <p className="auth-links">
        Already buying from us? <Link href="/register/existing-customer">Get your online account</Link>. Have an
        invitation code? <Link href="/join">Join your organization</Link>.
      </p>
    </>
  );
}
