import { expect, it } from 'vitest';
import { describeAuditEntry } from './describe';

it('says what happened to whom', () => {
  expect(
    describeAuditEntry('member.created', { name: 'Bo', email: 'bo@x.test', roles: ['Buyer'], invited: true }),
  ).toBe('Added Bo (bo@x.test) with Buyer; invitation sent');
  expect(describeAuditEntry('member.deactivated', { name: 'Bo' })).toBe('Deactivated Bo');
});

it('still says something readable for actions it does not know', () => {
  expect(describeAuditEntry('unit.renamed', { name: 'Finance' })).toBe('unit renamed: Finance');
  expect(describeAuditEntry('role.deleted', {})).toBe('Role deleted');
});

it('shows each change of a member with its old and new value', () => {
  expect(
    describeAuditEntry('member.updated', {
      name: 'Bo Berg',
      changes: [
        { label: 'name', from: 'Bo', to: 'Bo Berg' },
        { label: 'unit', from: 'Plant', to: 'Finance' },
        { label: 'roles', from: ['Buyer'], to: [] },
        { label: 'May order', from: true, to: false },
      ],
    }),
  ).toBe(
    'Changed Bo Berg: name “Bo” → “Bo Berg”; unit “Plant” → “Finance”; roles Buyer → no roles; May order yes → no',
  );
  expect(describeAuditEntry('member.updated', { name: 'Bo', changes: [] })).toBe('Saved Bo without changes');
  // Entries written before changes were recorded still read as they did.
  expect(describeAuditEntry('member.updated', { name: 'Bo', roles: ['Buyer'], unitChanged: true })).toBe(
    'Changed Bo: roles Buyer, moved to another unit',
  );
});

it('shows what an edit of a role changed', () => {
  expect(
    describeAuditEntry('role.updated', {
      name: 'Leads',
      description: 'Leads purchasing.',
      permissions: ['orders.view', 'quotes.request'],
      before: { name: 'Leads', description: 'Leads purchasing.', permissions: ['orders.view@unit', 'prices.view'] },
    }),
  ).toBe(
    'Changed the role “Leads”: permissions added: View orders (the whole organization), Request quotes; permissions removed: View orders (their unit and the units below it), View prices',
  );
});

it('shows a unit renamed or moved from where to where', () => {
  expect(describeAuditEntry('unit.renamed', { name: 'East coast', previousName: 'East' })).toBe(
    'Renamed the unit “East” to “East coast”',
  );
  expect(describeAuditEntry('unit.moved', { name: 'East', fromParentName: 'Sales', toParentName: 'Finance' })).toBe(
    'Moved the unit “East” from under “Sales” to under “Finance”',
  );
});
