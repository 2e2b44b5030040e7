import { can, type AuthUser } from '@tally/domain';
import { DataTable, DateTime, Page, QueryState, Section } from '@tally/ui';
import { useStores } from '../api/get-stores';
import { CreateStoreForm } from './create-store-form';

export function StoresPage({ user }: { user: AuthUser }) {
  const stores = useStores();
  return (
    <Page title="Stores">
      {can(user.role, 'stores:manage') ? (
        <Section title="Add a store">
          <CreateStoreForm />
        </Section>
      ) : null}
      <Section title="All stores">
        <QueryState
          query={stores}
          loading="Loading stores…"
          isEmpty={(list) => list.length === 0}
          empty={<p>No stores yet.</p>}
        >
          {(list) => (
            <DataTable label="Stores" columns={['Code', 'Name', 'Address', 'Time zone', 'Created']}>
              {list.map((store) => (
                <tr key={store.id}>
                  <td>{store.code}</td>
                  <th scope="row">{store.name}</th>
                  <td>{store.address ?? '—'}</td>
                  <td>{store.timezone}</td>
                  <td>
                    <DateTime value={store.createdAt} />
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </QueryState>
      </Section>
    </Page>
  );
}
