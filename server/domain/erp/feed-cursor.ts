/**
 * The ERP order feed's cursor: a position in the feed's order (the changing transaction's id, then
 * the order id), handed to the ERP as an opaque string it passes back unchanged.
 */
export type FeedPosition = { changeXid: number; orderId: string };

/** Before every change: where an ERP that has never read the feed starts. */
export const FEED_START: FeedPosition = { changeXid: 0, orderId: '00000000-0000-0000-0000-000000000000' };

export const FEED_LIMITS = { default: 100, min: 1, max: 500 } as const;

const VERSION = '1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const CURSOR_MAX_LENGTH = 200;

const toBase64Url = (text: string) => btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
const fromBase64Url = (text: string) => atob(text.replaceAll('-', '+').replaceAll('_', '/'));

/** The string the ERP stores and sends back as `cursor`. */
export function encodeFeedCursor(position: FeedPosition): string {
  return toBase64Url(`${VERSION}:${position.changeXid}:${position.orderId}`);
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; message: string };

const BAD_CURSOR =
  'The cursor is not valid. Pass the nextCursor of the previous page unchanged, or leave it out to start from the beginning.';

/** Reads a cursor back; anything that is not a cursor this feed handed out is refused. */
export function decodeFeedCursor(text: string): Decoded<FeedPosition> {
  if (text.length === 0 || text.length > CURSOR_MAX_LENGTH || !BASE64URL.test(text))
    return { ok: false, message: BAD_CURSOR };
  let decoded: string;
  try {
    decoded = fromBase64Url(text);
  } catch {
    return { ok: false, message: BAD_CURSOR };
  }
  const [version, xid, orderId, ...rest] = decoded.split(':');
  if (version !== VERSION || rest.length > 0 || !xid || !orderId || !/^\d{1,16}$/.test(xid) || !UUID.test(orderId))
    return { ok: false, message: BAD_CURSOR };
  const changeXid = Number(xid);
  if (!Number.isSafeInteger(changeXid)) return { ok: false, message: BAD_CURSOR };
  return { ok: true, value: { changeXid, orderId } };
}

/** `limit`: absent means the default; otherwise a whole number within the limits. */
export function parseFeedLimit(text: string | null): Decoded<number> {
  if (text === null || text === '') return { ok: true, value: FEED_LIMITS.default };
  const limit = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
  if (!(limit >= FEED_LIMITS.min && limit <= FEED_LIMITS.max)) {
    return { ok: false, message: `The limit must be a whole number from ${FEED_LIMITS.min} to ${FEED_LIMITS.max}.` };
  }
  return { ok: true, value: limit };
}

export type FeedRequest = { position: FeedPosition; limit: number };

/** The feed's query parameters (`cursor`, `limit`), checked; the first problem is reported. */
export function parseFeedRequest(params: URLSearchParams): Decoded<FeedRequest> {
  const cursorText = params.get('cursor');
  const position =
    cursorText === null || cursorText === ''
      ? ({ ok: true, value: FEED_START } as const)
      : decodeFeedCursor(cursorText);
  if (!position.ok) return position;
  const limit = parseFeedLimit(params.get('limit'));
  if (!limit.ok) return limit;
  return { ok: true, value: { position: position.value, limit: limit.value } };
}

/** Whichever of two positions comes later in the feed. */
export function laterPosition(a: FeedPosition, b: FeedPosition): FeedPosition {
  if (a.changeXid !== b.changeXid) return a.changeXid > b.changeXid ? a : b;
  return a.orderId > b.orderId ? a : b;
}
