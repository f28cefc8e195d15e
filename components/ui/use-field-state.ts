'use client';

import { useEffect, useRef, useState } from 'react';

type FieldElement = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * `useState` for a controlled field that keeps what the person entered before the page hydrated.
 * Until then the browser owns the field: on a slow phone someone may already have typed a quantity
 * or a reason, which the element shows but state, starting from `initial`, would not send. On
 * hydration the field's own value is adopted; from then on the element follows the state.
 */
export function useFieldState<E extends FieldElement>(initial: string) {
  const [value, setValue] = useState(initial);
  const ref = useRef<E>(null);
  useEffect(() => {
    const entered = ref.current?.value;
    if (entered !== undefined && entered !== initial) setValue(entered);
  }, [initial]);
  return [value, setValue, ref] as const;
}
