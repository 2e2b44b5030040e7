import { can, type AuthUser } from '@tally/domain';
import { Page, QueryState, Section } from '@tally/ui';
import type { StoreList } from '../../../lib/stores';
import { useStaff } from '../api/get-staff';
import { InviteStaffForm } from './invite-staff-form';
import { StaffTable } from './staff-table';

export function StaffPage({ user, stores }: { user: AuthUser; stores: StoreList }) {
  const staff = useStaff();
  const canManage = can(user.role, 'staff:manage');
  return (
    <Page title="Staff">
      {canManage ? (
        <Section title="Invite a staff member">
          <p className="tally-muted">They get an email with a link to choose their password.</p>
          <InviteStaffForm stores={stores} />
        </Section>
      ) : null}
      <Section title="Staff accounts">
        <QueryState
          query={staff}
          loading="Loading staff…"
          isEmpty={(list) => list.length === 0}
          empty={<p>No staff accounts yet.</p>}
        >
          {(list) => <StaffTable staff={list} stores={stores} canManage={canManage} />}
        </QueryState>
      </Section>
    </Page>
  );
}
