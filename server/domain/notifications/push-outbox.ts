/** The statuses of a push outbox row: as an email's, plus `skipped` when the push channel was off at send time. */
export const PUSH_OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;

export type PushOutboxStatus = (typeof PUSH_OUTBOX_STATUSES)[number];
