import { NotFoundNotice } from '@/components/shell/refusal-notices';

/** An address no page matches: no section layout around it, so it brings its own main landmark. */
export default function NotFound() {
  return (
    <main id="main">
      <NotFoundNotice />
    </main>
  );
}
