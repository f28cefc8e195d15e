import { forbidden } from 'next/navigation';
import { CartView } from '@/components/cart/cart-view';
import { CartRefillNotice, CartTemplateTools } from '@/components/orders/cart-order-tools';
import { AskForQuote } from '@/components/quotes/ask-for-quote';
import { getMe } from '@/components/shell/me';

export const metadata = { title: 'Cart' };

export default async function CartPage() {
  const me = await getMe();
  if (!me?.membership?.permissions.includes('orders.place')) forbidden();
  return (
    <>
      <h1>Cart</h1>
      <p className="lede">For {me.membership.organization.name}. Each of your accounts has its own cart.</p>
      <CartRefillNotice />
      {/* The items and Go to checkout come first; quick order, templates and quotes after them. */}
      <CartView>
        <CartTemplateTools />
        <AskForQuote />
      </CartView>
    </>
  );
}
