/**
 * Which emails also go to the recipient's devices as a push, and what that push says. Pushes
 * follow the emails: wherever an approval email is queued, its push is queued with it, so no
 * caller has to remember the second channel. A push shows on a lock screen, so it holds a title,
 * the order number and a link — never an amount, a line or anything the email's link guards.
 */

/** What a push says: shown by the service worker, opened at `url` (a path of this site). */
export type PushMessage = { title: string; body: string; url: string; orderNumber: string | null };

type Props = Readonly<Record<string, unknown>>;
type Mapping = (props: Props) => PushMessage | null;

const TITLE_MAX = 80;
const BODY_MAX = 180;

function text(props: Props, key: string): string | null {
  const value = props[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * The path of a link in an email (emails carry absolute URLs): the push opens it on the origin
 * the worker runs on, and a path cannot point anywhere else.
 */
export function sitePath(link: string | null): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, 'https://site.invalid');
    const path = `${url.pathname}${url.search}${url.hash}`;
    return path.startsWith('/') && !path.startsWith('//') ? path : null;
  } catch {
    return null;
  }
}

const clip = (value: string, max: number) => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);

function message(title: string, body: string, url: string | null, orderNumber: string | null): PushMessage | null {
  return url ? { title: clip(title, TITLE_MAX), body: clip(body, BODY_MAX), url, orderNumber } : null;
}

/** A mapping for an order's email: needs its number and a link, gives the title and body. */
function orderPush(
  linkKey: string,
  words: (props: Props, number: string) => { title: string; body: string } | null,
): Mapping {
  return (props) => {
    const number = text(props, 'orderNumber');
    const said = number ? words(props, number) : null;
    return number && said ? message(said.title, said.body, sitePath(text(props, linkKey)), number) : null;
  };
}

/** Someone's name as the email has it, or a neutral word when the email left it out. */
const who = (props: Props, key: string) => text(props, key) ?? 'Someone';

const MAPPINGS: Partial<Record<string, Mapping>> = {
  'approval-requested': orderPush('approvalUrl', (props, number) => {
    const requester = who(props, 'requesterName');
    const standIn = text(props, 'onBehalfOf');
    if (props.reason === 'overdue') {
      return { title: `${number} has waited too long`, body: `${requester}’s order is now offered to you to decide.` };
    }
    return {
      title: `Approval needed: ${number}`,
      body: `${requester} asks you to approve ${number}${standIn ? `, standing in for ${standIn}` : ''}.`,
    };
  }),

  'approval-decided': orderPush('orderUrl', (props, number) => {
    if (typeof props.approved !== 'boolean') return null;
    const decidedBy = who(props, 'decidedBy');
    return props.approved
      ? { title: `${number} is approved`, body: `${decidedBy} approved your order ${number}.` }
      : { title: `${number} was declined`, body: `${decidedBy} declined your order ${number}.` };
  }),

  'approval-reminder': (props) => {
    const total = typeof props.total === 'number' && props.total > 0 ? props.total : null;
    if (!total) return null;
    const orders = Array.isArray(props.orders) ? (props.orders as unknown[]) : [];
    const first = orders[0] as Props | undefined;
    const only = total === 1 && first ? text(first, 'number') : null;
    const inbox = sitePath(text(props, 'inboxUrl'));
    const url = only && inbox ? `${inbox.replace(/\/$/, '')}/${encodeURIComponent(only)}` : inbox;
    const body = only
      ? `${only} is still waiting for your approval.`
      : `${total.toLocaleString('en-US')} orders are waiting for your approval.`;
    return message('Orders waiting for you', body, url, only);
  },

  'approval-question-asked': orderPush('orderUrl', (props, number) => ({
    title: `A question about ${number}`,
    body: `${who(props, 'askedBy')} asks you about your order ${number}.`,
  })),

  'approval-question-answered': orderPush('approvalUrl', (props, number) => ({
    title: `Answer about ${number}`,
    body: `${who(props, 'answeredBy')} answered the question about ${number}.`,
  })),

  'approval-handed-on': orderPush('approvalUrl', (props, number) => ({
    title: `Approval handed to you: ${number}`,
    body: `${who(props, 'handedOnBy')} handed you the approval of ${number}.`,
  })),
};

/**
 * The push that goes with an email of this kind, or null when the kind is not pushed (or its
 * props lack the order number or link a push needs). Unknown kinds give null.
 */
export function pushForEmail(kind: string, props: Props): PushMessage | null {
  const mapping = Object.hasOwn(MAPPINGS, kind) ? MAPPINGS[kind] : undefined;
  return mapping ? mapping(props) : null;
}
