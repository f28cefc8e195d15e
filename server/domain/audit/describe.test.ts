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
