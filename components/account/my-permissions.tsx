import { PERMISSION_TABLE, isPermission } from '@/server/domain/access/permissions';

/** What this account may do, from its roles and flags: kept in My account, out of the way of the home page. */
export function MyPermissions({ permissions }: { permissions: readonly string[] }) {
  const known = permissions.filter(isPermission);
  return (
    <section className="card" aria-labelledby="can-do">
      <h2 id="can-do">What you can do here</h2>
      {known.length === 0 ? (
        <p>Your account can sign in but has no permissions yet. Ask your administrator.</p>
      ) : (
        <ul>
          {known.map((permission) => (
            <li key={permission}>{PERMISSION_TABLE[permission].label}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
