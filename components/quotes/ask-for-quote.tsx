import { getMe } from '@/components/shell/me';
import { AskForQuoteForm } from './ask-for-quote-form';

/** On the cart page, for members who may request quotes: send the cart to the representative for prices. */
export async function AskForQuote() {
  const me = await getMe();
  if (!me?.membership?.permissions.includes('quotes.request')) return null;
  return <AskForQuoteForm />;
}
