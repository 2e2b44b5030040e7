import type { StaffUser } from '@tally/domain';
import { DataTable, DateTime } from '@tally/ui';
import { useId, useState } from 'react';
import { ReasonForm } from '../../../components/reason-form';
import { storeName, type StoreList } from '../../../lib/stores';
import { useDisableStaff } from '../api/disable-staff';
import { useEnableStaff } from '../api/enable-staff';
import { EditStaffForm } from './edit-staff-form';
import { roleLabel } from './roles';

const STATUS_LABELS: Record<StaffUser['status'], string> = {
  invited: 'Invited',
  active: 'Active',
  disabled: 'Disabled',
};

export function StaffTable({
  staff,
  stores,
  canManage,
}: {
  staff: StaffUser[];
  stores: StoreList;
  canManage: boolean;
}) {
  const columns = ['Name', 'Email', 'Role', 'Status', 'Stores', 'Last sign-in'];
  return (
    <DataTable label="Staff" columns={canManage ? [...columns, 'Actions'] : columns}>
      {staff.map((member) => (
        <StaffRow
          key={member.id}
          staff={member}
          stores={stores}
          canManage={canManage}
          width={columns.length + 1}
        />
      ))}
    </DataTable>
  );
}

type Panel = 'edit' | 'access' | null;

function StaffRow({
  staff,
  stores,
  canManage,
  width,
}: {
  staff: StaffUser;
  stores: StoreList;
  canManage: boolean;
  width: number;
}) {
  const [panel, setPanel] = useState<Panel>(null);
  const nameId = useId();
  const panelId = useId();
  const disable = useDisableStaff();
  const enable = useEnableStaff();
  const disabled = staff.status === 'disabled';
  const toggle = (next: Exclude<Panel, null>) => setPanel((current) => (current === next ? null : next));

  return (
    <>
      <tr>
        <th scope="row" id={nameId}>
          {staff.name}
        </th>
        <td>{staff.email}</td>
        <td>{roleLabel(staff.role)}</td>
        <td>{STATUS_LABELS[staff.status]}</td>
        <td>
          {staff.role === 'admin' || staff.role === 'marketing'
            ? 'All stores'
            : staff.storeIds.map((id) => storeName(stores, id)).join(', ') || '—'}
        </td>
        <td>{staff.lastLoginAt ? <DateTime value={staff.lastLoginAt} /> : 'Never'}</td>
        {canManage ? (
          <td>
            <div className="row-actions">
              <button
                type="button"
                className="tally-button--secondary"
                aria-describedby={nameId}
                aria-expanded={panel === 'edit'}
                aria-controls={panelId}
                onClick={() => toggle('edit')}
              >
                Edit
              </button>
              <button
                type="button"
                className="tally-button--secondary"
                aria-describedby={nameId}
                aria-expanded={panel === 'access'}
                aria-controls={panelId}
                onClick={() => toggle('access')}
              >
                {disabled ? 'Enable' : 'Disable'}
              </button>
            </div>
          </td>
        ) : null}
      </tr>
      {panel ? (
        <tr id={panelId}>
          <td colSpan={width}>
            {panel === 'edit' ? (
              <EditStaffForm staff={staff} stores={stores} onDone={() => setPanel(null)} />
            ) : (
              <ReasonForm
                title={`${disabled ? 'Enable' : 'Disable'} ${staff.name}`}
                submitLabel={disabled ? 'Confirm enable' : 'Confirm disable'}
                pendingText={disabled ? 'Enabling…' : 'Disabling…'}
                danger={!disabled}
                onSubmit={(reason) =>
                  (disabled ? enable : disable).mutateAsync({ id: staff.id, body: { reason } })
                }
                onDone={() => setPanel(null)}
              />
            )}
          </td>
        </tr>
      ) : null}
    </>
  );
}
