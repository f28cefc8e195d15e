import { decodeGrant, PERMISSION_TABLE, SCOPE_LABELS } from '../access/permissions';

/** One field an edit changed, as recorded: what it is called and its value before and after. */
export type AuditChange = { label: string; from: unknown; to: unknown };

function shown(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : 'no roles';
  if (value === null || value === undefined || value === '') return '(none)';
  return `“${String(value)}”`;
}

/** "name “Bo” → “Bo Berg”; May order yes → no", or undefined when nothing changed. */
function changesText(changes: readonly AuditChange[]): string | undefined {
  if (changes.length === 0) return undefined;
  return changes.map((change) => `${change.label} ${shown(change.from)} → ${shown(change.to)}`).join('; ');
}

function isChangeList(value: unknown): value is AuditChange[] {
  return (
    Array.isArray(value) && value.every((entry) => typeof entry === 'object' && entry !== null && 'label' in entry)
  );
}

function grantLabel(text: string): string {
  const grant = decodeGrant(text);
  if (!grant) return text;
  const definition = PERMISSION_TABLE[grant.permission];
  return (definition.scopes?.length ?? 0) > 1 ? `${definition.label} (${SCOPE_LABELS[grant.scope]})` : definition.label;
}

const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];

/** What an edit of a custom role changed, from the role after it and the `before` it records. */
function roleChanges(data: Record<string, unknown>): string | undefined {
  const before = (typeof data.before === 'object' && data.before !== null ? data.before : {}) as Record<
    string,
    unknown
  >;
  const parts: string[] = [];
  for (const field of ['name', 'description'] as const) {
    if (before[field] !== undefined && before[field] !== data[field])
      parts.push(`${field} ${shown(before[field])} → ${shown(data[field])}`);
  }
  const [was, is] = [texts(before.permissions), texts(data.permissions)];
  const added = is.filter((grant) => !was.includes(grant));
  const removed = was.filter((grant) => !is.includes(grant));
  if (added.length > 0) parts.push(`permissions added: ${added.map(grantLabel).join(', ')}`);
  if (removed.length > 0) parts.push(`permissions removed: ${removed.map(grantLabel).join(', ')}`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** One line of an organization's history, in words an administrator reads. */
export function describeAuditEntry(action: string, data: Record<string, unknown>): string {
  const name = typeof data.name === 'string' ? data.name : undefined;
  const list = (value: unknown) => (Array.isArray(value) && value.length > 0 ? value.join(', ') : 'no roles');
  switch (action) {
    case 'member.created':
      return `Added ${name ?? 'a member'} (${String(data.email ?? '')}) with ${list(data.roles)}${data.invited ? '; invitation sent' : ''}`;
    case 'member.updated': {
      if (!isChangeList(data.changes))
        return `Changed ${name ?? 'a member'}: roles ${list(data.roles)}${data.unitChanged ? ', moved to another unit' : ''}`;
      const changed = changesText(data.changes);
      return changed ? `Changed ${name ?? 'a member'}: ${changed}` : `Saved ${name ?? 'a member'} without changes`;
    }
    case 'member.deactivated':
      return `Deactivated ${name ?? 'a member'}`;
    case 'member.reactivated':
      return `Reactivated ${name ?? 'a member'}`;
    case 'member.invitation_resent':
      return `Sent ${name ?? 'a member'} a new invitation`;
    case 'membership.approved':
      return `Approved ${name ?? 'someone'}'s request to join`;
    case 'membership.declined':
      return `Declined ${name ?? 'someone'}'s request to join`;
    case 'join_code.regenerated':
      return 'Made a new invitation code';
    case 'spending_limit.created':
    case 'spending_limit.updated':
    case 'spending_limit.deleted': {
      const verb =
        action === 'spending_limit.created' ? 'Added' : action === 'spending_limit.updated' ? 'Changed' : 'Removed';
      const period = data.period === 'month' ? ' this month' : '';
      const who =
        Array.isArray(data.authorizers) && data.authorizers.length > 0
          ? `: ${data.authorizers.join(' or ')} approve${data.authorizers.length === 1 ? 's' : ''}`
          : '';
      return `${verb} ${name ?? 'a member'}'s spending limit over ${String(data.limit ?? '')}${period}${verb === 'Removed' ? '' : who}`;
    }
    case 'role.updated': {
      const changed = roleChanges(data);
      return changed
        ? `Changed the role “${name ?? ''}”: ${changed}`
        : `Saved the role “${name ?? ''}” without changes`;
    }
    case 'unit.renamed':
      if (typeof data.previousName !== 'string') break;
      return `Renamed the unit “${data.previousName}” to “${name ?? ''}”`;
    case 'unit.moved':
      if (typeof data.fromParentName !== 'string' || typeof data.toParentName !== 'string') break;
      return `Moved the unit “${name ?? ''}” from under “${data.fromParentName}” to under “${data.toParentName}”`;
    case 'approval_rule.created':
      return `Created the approval rule “${name ?? ''}”`;
    case 'approval_rule.updated':
      return `Changed the approval rule “${name ?? ''}”`;
    case 'approval_rule.activated':
      return `Activated the approval rule “${name ?? ''}”`;
    case 'approval_rule.deactivated':
      return `Deactivated the approval rule “${name ?? ''}”`;
    case 'approval_rule.deleted':
      return `Deleted the approval rule “${name ?? ''}”`;
    case 'second_factor.required':
      return 'Required every member to sign in with a second factor';
    case 'second_factor.optional':
      return 'Stopped requiring a second factor at sign-in';
  }
  const words = action.replace(/[._]/g, ' ');
  return name ? `${words}: ${name}` : words.charAt(0).toUpperCase() + words.slice(1);
}
