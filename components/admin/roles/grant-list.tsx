import { describeGrant } from '@/server/domain/access/granting';
import type { Grant } from '@/server/domain/access/permissions';

/** A role's permissions in plain words: "View orders (their unit and the units below it)". */
export function GrantList({ grants }: { grants: readonly Grant[] }) {
  if (grants.length === 0) return <span>No permissions</span>;
  return (
    <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
      {grants.map((grant) => (
        <li key={grant.permission}>{describeGrant(grant)}</li>
      ))}
    </ul>
  );
}
