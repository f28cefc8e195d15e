'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type FormEvent } from 'react';
import { ProductPicture } from './product-picture';
import styles from './picture-upload.module.css';

type Outcome = { ok: true } | { ok: false; message: string };

/** Sends the file with XMLHttpRequest, which (unlike fetch) reports upload progress. */
function send(url: string, file: File, onProgress: (percent: number) => void): Promise<Outcome> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => resolve(outcomeOf(request.status, request.response));
    request.onerror = () =>
      resolve({ ok: false, message: 'The upload did not reach the server. Check the connection.' });
    const body = new FormData();
    body.set('picture', file);
    request.send(body);
  });
}

function outcomeOf(status: number, body: unknown): Outcome {
  if (status >= 200 && status < 300) return { ok: true };
  const message = (body as { message?: unknown } | null)?.message;
  return { ok: false, message: typeof message === 'string' ? message : `The upload was refused (${status}).` };
}

/**
 * A product's picture in the staff catalog: the current one (or the placeholder), a file field,
 * Upload with its progress and Remove. The server checks the file by its content and says why it
 * refuses; the message is shown beside the field.
 */
export function PictureUpload({ sku, name, pictureKey }: { sku: string; name: string; pictureKey: string | null }) {
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState<'upload' | 'remove' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const url = `/api/staff/products/${encodeURIComponent(sku)}/picture`;

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setDone(null);
    if (!file) {
      setError('Choose a picture to upload.');
      input.current?.focus();
      return;
    }
    setError(null);
    setBusy('upload');
    setProgress(0);
    const outcome = await send(url, file, setProgress);
    setBusy(null);
    setProgress(null);
    if (!outcome.ok) {
      setError(outcome.message);
      input.current?.focus();
      return;
    }
    if (input.current) input.current.value = '';
    setDone('Picture saved. Buyers see it now.');
    router.refresh();
  }

  async function remove() {
    setError(null);
    setDone(null);
    setBusy('remove');
    const response = await fetch(url, { method: 'DELETE' }).catch(() => null);
    setBusy(null);
    const outcome = response
      ? outcomeOf(response.status, await response.json().catch(() => null))
      : { ok: false as const, message: 'The request did not reach the server. Check the connection.' };
    if (!outcome.ok) {
      setError(outcome.message);
      return;
    }
    setDone('Picture removed. The product shows the placeholder.');
    router.refresh();
  }

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div className={styles.layout}>
      <div className={styles.current}>
        <ProductPicture pictureKey={pictureKey} name={name} variant="detail" size={200} decorative={false} />
      </div>
      <form className={styles.form} onSubmit={upload} noValidate>
        <div className="field">
          <label htmlFor={`${id}-file`}>{pictureKey ? 'Replace the picture' : 'Add a picture'}</label>
          <input
            ref={input}
            id={`${id}-file`}
            name="picture"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            className={styles.file}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${errorId} ${hintId}` : hintId}
            onChange={() => setError(null)}
            disabled={busy !== null}
          />
          <p id={hintId} className="field-hint">
            JPEG, PNG or WebP, at most 10 MB and 40 megapixels. Shown square; a white margin fills the rest.
          </p>
          {error && (
            <p id={errorId} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className={styles.actions}>
          <button type="submit" className="button button-primary" disabled={busy !== null}>
            {busy === 'upload'
              ? progress !== null && progress < 100
                ? `Uploading… ${progress}%`
                : 'Processing…'
              : 'Upload'}
          </button>
          {pictureKey && (
            <button type="button" className="button" onClick={remove} disabled={busy !== null}>
              {busy === 'remove' ? 'Removing…' : 'Remove picture'}
            </button>
          )}
        </div>
        {busy === 'upload' && progress !== null && (
          <progress className={styles.progress} max={100} value={progress} aria-label="Upload progress">
            {progress}%
          </progress>
        )}
        <p role="status" className={styles.status}>
          {done}
        </p>
      </form>
    </div>
  );
}
