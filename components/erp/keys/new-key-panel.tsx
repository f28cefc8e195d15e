'use client';

import { useId, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** The new key, once: a read-only field to select, a copy button, and the warning that it will not come back. */
export function NewKeyPanel({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copyKey() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy('copied');
    } catch {
      input.current?.select();
      setCopy('failed');
    }
  }

  return (
    <Alert tone="success">
      <p>
        <strong>Key “{name}” created.</strong> Copy it now and give it to the ERP:{' '}
        <strong>you will not see it again.</strong> Countersign keeps only a fingerprint of it; if it is lost, create a
        new key and revoke this one.
      </p>
      <div className="field">
        <label htmlFor={id}>Your new API key</label>
        <input
          ref={input}
          id={id}
          readOnly
          value={secret}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
          style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', width: '100%' }}
        />
      </div>
      <div className="actions">
        <Button className="button button-primary button-small" onClick={copyKey}>
          Copy the key
        </Button>
        <Button className="button button-small" onClick={onDone}>
          I have stored it — hide it
        </Button>
        <span role="status">
          {copy === 'copied'
            ? 'Copied to the clipboard.'
            : copy === 'failed'
              ? 'Copying is not allowed here: the key is selected, copy it with your keyboard.'
              : ''}
        </span>
      </div>
    </Alert>
  );
}
