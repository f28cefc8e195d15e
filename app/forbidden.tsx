import { ForbiddenNotice } from '@/components/shell/refusal-notices';

export const metadata = { title: 'Not for you' };

/** Rendered with status 403 when a section's layout calls forbidden(): no section layout around it. */
export default function Forbidden() {
  return (
    <main id="main">
      <ForbiddenNotice />
    </main>
  );
}
