import { AccountPage } from '@/components/account/account-page';
import { getMe } from '@/components/shell/me';

export const metadata = { title: 'My account' };

export default async function StaffAccountPage() {
  const me = await getMe();
  return me && <AccountPage me={me} />;
}
