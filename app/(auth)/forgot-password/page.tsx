import Link from 'next/link';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';

export const metadata = { title: 'Forgot password' };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1>Forgot your password?</h1>
      <p className="lede">
        Enter the email address you sign in with. We will email you a link to choose a new password.
      </p>
      <ForgotPasswordForm />
      <p className="auth-links">
        <Link href="/sign-in">Back to sign-in</Link>
      </p>
    </>
  );
}
