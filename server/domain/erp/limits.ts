/** How large an ERP export may be: beyond this the import is refused before any row is read. */
export const ERP_FILE_LIMITS = { maxBytes: 5 * 1024 * 1024, maxRows: 50_000 } as const;
