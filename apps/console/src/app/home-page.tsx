import { Page, Section } from '@tally/ui';
import { HealthPanel } from '../features/health/components/health-panel';
import { storeName, type StoreList } from '../lib/stores';
import { useStaffUser } from './staff-session';

export function HomePage({ stores }: { stores: StoreList }) {
  const user = useStaffUser();
  const everyStore = user.role === 'admin' || user.role === 'marketing';
  return (
    <Page title={`Hello, ${user.name}`}>
      <Section title="Signed in">
        <dl className="tally-health__details">
          <div>
            <dt>Name</dt>
            <dd>{user.name}</dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd>{user.email ?? '—'}</dd>
          </div>
          <div>
            <dt>Role</dt>
            <dd>{user.role}</dd>
          </div>
          <div>
            <dt>Stores</dt>
            <dd>
              {everyStore
                ? 'All stores'
                : user.storeIds.length === 0
                  ? 'None yet: ask an admin to assign you a store'
                  : user.storeIds.map((id) => storeName(stores, id)).join(', ')}
            </dd>
          </div>
        </dl>
      </Section>
      <HealthPanel />
    </Page>
  );
}
