import { ForbiddenNotice } from '@/components/shell/refusal-notices';

export const metadata = { title: 'Not for you' };

/** A page of this section called forbidden(): the notice goes inside the section's own main landmark. */
export default function Forbidden() {
  return <ForbiddenNotice />;
}
