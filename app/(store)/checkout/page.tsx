import { forbidden } from 'next/navigation';
import { CheckoutForm } from '@/components/checkout/checkout-form';
import { getMe } from '@/components/shell/me';

export const metadata = { title: 'Checkout' };

export default async function CheckoutPage() {
  const me = await getMe();
  if (!me?.membership?.permissions.includes('orders.place')) forbidden();
  return (
    <>
      <h1>Checkout</h1>
      <p className="lede">Ordering for {me.membership.organization.name}.</p>
      <CheckoutForm />
    </>
  );
}
