import { can, type AuthUser, type PosKey } from '@tally/domain';
import { DataTable, DateTime, Page, QueryState, Section } from '@tally/ui';
import { useId, useState } from 'react';
import { ReasonForm } from '../../../components/reason-form';
import { storeName, storeOptions, type StoreList } from '../../../lib/stores';
import { usePosKeys } from '../api/get-pos-keys';
import { useRevokePosKey } from '../api/revoke-pos-key';
import { CreatePosKeyForm } from './create-pos-key-form';

export function PosKeysPage({ user, stores }: { user: AuthUser; stores: StoreList }) {
  const [storeId, setStoreId] = useState('');
  const keys = usePosKeys(storeId ? { storeId } : {});
  const canManage = can(user.role, 'pos-keys:manage');
  const filterId = useId();
  return (
    <Page title="POS keys" lead="Tills and web shops call the API with a key that belongs to one store.">
      {canManage ? (
        <Section title="Create a key">
          <CreatePosKeyForm stores={stores} />
        </Section>
      ) : null}
      <Section title="Keys">
        <div className="tally-field filter-field">
          <label htmlFor={filterId} className="tally-field__label">
            Show keys of
          </label>
          <select id={filterId} value={storeId} onChange={(event) => setStoreId(event.target.value)}>
            <option value="">All stores</option>
            {storeOptions(stores).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <QueryState
          query={keys}
          loading="Loading keys…"
          isEmpty={(list) => list.length === 0}
          empty={<p>No keys{storeId ? ' for this store' : ''} yet.</p>}
        >
          {(list) => (
            <DataTable
              label="POS keys"
              columns={[
                'Name',
                'Store',
                'Starts with',
                'Created',
                'Last used',
                'Status',
                ...(canManage ? ['Actions'] : []),
              ]}
            >
              {list.map((key) => (
                <PosKeyRow key={key.id} posKey={key} stores={stores} canManage={canManage} />
              ))}
            </DataTable>
          )}
        </QueryState>
      </Section>
    </Page>
  );
}

function PosKeyRow({ posKey, stores, canManage }: { posKey: PosKey; stores: StoreList; canManage: boolean }) {
  const [revoking, setRevoking] = useState(false);
  const revoke = useRevokePosKey();
  const nameId = useId();
  const panelId = useId();
  return (
    <>
      <tr>
        <th scope="row" id={nameId}>
          {posKey.name}
        </th>
        <td>{storeName(stores, posKey.storeId)}</td>
        <td>
          <code>{posKey.prefix}</code>
        </td>
        <td>
          <DateTime value={posKey.createdAt} />
        </td>
        <td>{posKey.lastUsedAt ? <DateTime value={posKey.lastUsedAt} /> : 'Never'}</td>
        <td>
          {posKey.revokedAt ? (
            <>
              Revoked <DateTime value={posKey.revokedAt} />
            </>
          ) : (
            'Active'
          )}
        </td>
        {canManage ? (
          <td>
            {posKey.revokedAt ? null : (
              <button
                type="button"
                className="tally-button--secondary"
                aria-describedby={nameId}
                aria-expanded={revoking}
                aria-controls={panelId}
                onClick={() => setRevoking((open) => !open)}
              >
                Revoke
              </button>
            )}
          </td>
        ) : null}
      </tr>
      {revoking ? (
        <tr id={panelId}>
          <td colSpan={7}>
            <ReasonForm
              title={`Revoke key ${posKey.name}`}
              submitLabel="Confirm revoke"
              pendingText="Revoking…"
              danger
              onSubmit={(reason) => revoke.mutateAsync({ id: posKey.id, body: { reason } })}
              onDone={() => setRevoking(false)}
            />
          </td>
        </tr>
      ) : null}
    </>
  );
}
