import { forbidden } from 'next/navigation';
import { RuleForm } from '@/components/admin/approvals/rule-form';
import { getMe } from '@/components/shell/me';
import { orRefusalPage } from '@/components/shell/refusal';
import { serverCaller } from '@/server/trpc/server';
import { BackLink } from '@/components/ui/back-link';

export const metadata = { title: 'New approval rule' };

export default async function NewRulePage() {
  const me = await getMe();
  if (!me?.membership?.permissions.includes('org.approvals.manage')) forbidden();
  const options = await orRefusalPage((await serverCaller()).approvalRules.options());
  return (
    <>
      <BackLink href="/admin/approvals">Spending limits and approval rules</BackLink>
      <h1>New approval rule</h1>
      <section className="card">
        <RuleForm options={options} />
      </section>
    </>
  );
}
