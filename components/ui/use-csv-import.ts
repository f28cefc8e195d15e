'use client';

import { useState, type FormEvent } from 'react';

/** One file input of a CSV import form; `key` names its text in the request. */
export type CsvFile<K extends string> = { name: string; key: K; label: string; hint: string };

type Limits = { maxBytes: number; maxRows: number };

/** The part of a react-query mutation an import uses (a tRPC `useMutation` result fits). */
type Mutation<I, S> = {
  mutate: (input: I) => void;
  reset: () => void;
  data?: S;
  error: { message: string } | null;
  isPending: boolean;
};

/**
 * Reads the chosen files as text. Too large a file is refused here, before the upload; with
 * `require: 'all'` every file must be chosen, with 'any' at least one (the error goes on the first).
 */
export async function readCsvFiles<K extends string>(
  data: FormData,
  files: readonly CsvFile<K>[],
  { limits, require }: { limits: Limits; require: 'all' | 'any' },
): Promise<{ texts: Partial<Record<K, string>>; errors: Record<string, string> }> {
  const texts: Partial<Record<K, string>> = {};
  const errors: Record<string, string> = {};
  for (const file of files) {
    const upload = data.get(file.name);
    if (!(upload instanceof File) || upload.size === 0) {
      if (require === 'all') errors[file.name] = `Choose the ${file.name} file.`;
    } else if (upload.size > limits.maxBytes) {
      errors[file.name] =
        `${upload.name} is larger than ${limits.maxBytes / 1024 / 1024} MB. Export at most ${limits.maxRows.toLocaleString('en-US')} rows.`;
    } else texts[file.key] = await upload.text();
  }
  const first = files[0];
  if (first && Object.keys(errors).length === 0 && Object.keys(texts).length === 0)
    errors[first.name] = 'Choose at least one file.';
  return { texts, errors };
}

/**
 * A CSV import as its form runs it: read the files, preview what they would change, then apply
 * exactly the files previewed. Choosing another file drops the preview (`reset`).
 */
export function useCsvImport<K extends string, I extends Partial<Record<K, string>>, S, A>({
  files,
  limits,
  require,
  preview,
  apply,
}: {
  files: readonly CsvFile<K>[];
  limits: Limits;
  require: 'all' | 'any';
  preview: Mutation<I, S>;
  apply: Mutation<I, A>;
}) {
  const [input, setInput] = useState<I | null>(null);
  const [fileErrors, setFileErrors] = useState<Record<string, string>>({});

  const reset = () => {
    setInput(null);
    preview.reset();
    apply.reset();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    reset();
    const { texts, errors } = await readCsvFiles(new FormData(event.currentTarget), files, { limits, require });
    setFileErrors(errors);
    if (Object.keys(errors).length > 0) return;
    // Every file the request requires was read: readCsvFiles reports the missing ones.
    const read = texts as I;
    setInput(read);
    preview.mutate(read);
  };

  return {
    fileErrors,
    reset,
    onSubmit,
    /** The preview of the files now chosen, if any. */
    previewed: input && preview.data ? preview.data : null,
    apply: () => input && apply.mutate(input),
    /** Previews the same files again with other choices (e.g. which new categories to create). */
    previewWith: (choices: Partial<I>) => {
      if (!input) return;
      const next = { ...input, ...choices };
      setInput(next);
      apply.reset();
      preview.mutate(next);
    },
    /** The files previewed, with the choices made so far. */
    input,
  };
}
