import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CUSTOM_ROLE_PERMISSIONS } from '@/server/domain/access/custom-roles';
import { PERMISSION_GROUPS } from './permission-groups';
import { PermissionPicker } from './permission-picker';

const render = (props: Partial<Parameters<typeof PermissionPicker>[0]>) =>
  renderToString(<PermissionPicker value={[]} onChange={() => undefined} yourGrants={[]} {...props} />);

/** The checkbox of one permission, found by its label's text. */
function checkbox(html: string, label: string): string {
  const match = new RegExp(`<input[^>]*type="checkbox"[^>]*>(?:(?!<input).)*?>${label}<`, 's').exec(html);
  if (!match) throw new Error(`no checkbox for ${label}`);
  return match[0];
}

describe('PermissionPicker', () => {
  it('lists every buyer permission exactly once, in groups', () => {
    expect(PERMISSION_GROUPS.flatMap((group) => group.permissions).sort()).toEqual([...CUSTOM_ROLE_PERMISSIONS].sort());
  });

  it('disables what the editor does not hold, and scopes wider than theirs', () => {
    const html = render({
      yourGrants: [
        { permission: 'orders.view', scope: 'unit' },
        { permission: 'orders.place', scope: 'org' },
      ],
    });
    expect(checkbox(html, 'Approve orders')).toContain('disabled');
    expect(checkbox(html, 'View orders')).not.toContain('disabled');
    expect(html).toContain('You do not hold this.');
    expect(html).toMatch(/<option value="org" disabled="">Whole organization \(you do not hold this\)<\/option>/);
    expect(html).toMatch(/<option value="unit" selected="">Unit and below<\/option>/);
  });

  it('keeps a grant the role already has enabled, so that it can be taken away', () => {
    const html = render({ value: [{ permission: 'orders.approve', scope: 'org' }] });
    expect(checkbox(html, 'Approve orders')).toMatch(/checked=""/);
    expect(checkbox(html, 'Approve orders')).not.toContain('disabled');
  });
});
