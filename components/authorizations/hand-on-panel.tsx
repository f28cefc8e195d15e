import { serverCaller } from '@/server/trpc/server';
import { HandOnForm } from './hand-on-form';

/**
 * "Hand it on" on the approval page, for an authorizer who may decide now and has someone to hand
 * their step to: only members who may receive it are offered.
 */
export async function HandOnPanel({ number }: { number: string }) {
  const options = await (await serverCaller()).authorizations.handOnOptions({ number }).catch(() => []);
  if (options.length === 0) return null;
  return (
    <section className="card" aria-labelledby="hand-on">
      <h2 id="hand-on">Hand it on</h2>
      <details>
        <summary className="link-target">Someone else should decide this: hand your place on</summary>
        <HandOnForm number={number} options={options} />
      </details>
    </section>
  );
}
