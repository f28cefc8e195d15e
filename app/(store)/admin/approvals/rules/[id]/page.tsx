import { forbidden, notFound } from 'next/navigation';
import { RuleForm } from '@/components/admin/approvals/rule-form';
import { getMe } from '@/components/shell/me';
import { orRefusalPage } from '@/components/shell/refusal';
import { serverCaller } from '@/server/trpc/server';
import { BackLink } from '@/components/ui/back-link';

export const metadata = { title: 'Approval rule' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function RulePage({ params }: { params: Promise<{ id: string }> }) {
  const me = await getMe();
  if (!me?.membership?.permissions.includes('org.approvals.manage')) forbidden();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const api = await serverCaller();
  const [rule, options] = await orRefusalPage(
    Promise.all([api.approvalRules.get({ ruleId: id }), api.approvalRules.options()]),
  );
  return (
    <>
      <BackLink href="/admin/approvals">Spending limits and approval rules</BackLink>
      <h1>Edit {rule.name}</h1>
      <p className="lede">
        Changes apply to orders submitted from now on; orders already waiting keep the approvals they were given.
      </p>
      <section className="card">
        <RuleForm options={options} rule={rule} />
      </section>
    </>
  );
}
