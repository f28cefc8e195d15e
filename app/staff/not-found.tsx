import { NotFoundNotice } from '@/components/shell/refusal-notices';

/** A page of this section called notFound(): the notice goes inside the section's own main landmark. */
export default function NotFound() {
  return <NotFoundNotice />;
}
