'use client';

import { Button } from '@/components/ui/button';

/** Opens the browser's print dialog (which can also save the page as a PDF). */
export function PrintButton({ label = 'Print' }: { label?: string }) {
  return (
    <Button className="button button-primary" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
