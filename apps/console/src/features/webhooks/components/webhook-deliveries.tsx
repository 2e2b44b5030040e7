import type { WebhookDelivery, WebhookDeliveryStatus } from '@tally/domain';
import { DataTable, DateTime, ErrorState, QueryState } from '@tally/ui';
import { useId, useState } from 'react';
import { useWebhookDeliveries } from '../api/get-webhook-deliveries';
import { useWebhookDelivery } from '../api/get-webhook-delivery';
import { useResendWebhookDelivery } from '../api/resend-webhook-delivery';
import { EVENT_LABELS } from '../lib/webhook-events';

const STATUS_TEXT: Readonly<Record<WebhookDeliveryStatus, string>> = {
  pending: 'Waiting',
  delivered: 'Delivered',
  dead: 'Dead (gave up)',
};

/** An endpoint's newest deliveries; one opens to show its body and every attempt. */
export function WebhookDeliveries({ endpointId }: { endpointId: string }) {
  const deliveries = useWebhookDeliveries(endpointId);
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <QueryState
      query={deliveries}
      loading="Loading deliveries…"
      isEmpty={(page) => page.items.length === 0}
      empty={<p>No deliveries yet: they appear when a subscribed event happens.</p>}
    >
      {(page) => (
        <>
          <DataTable
            label="Deliveries"
            columns={['Delivery', 'Event', 'Status', 'Attempts', 'Created', 'Details']}
          >
            {page.items.map((d) => (
              <DeliveryRow
                key={d.id}
                delivery={d}
                open={openId === d.id}
                onToggle={() => setOpenId((id) => (id === d.id ? null : d.id))}
              />
            ))}
          </DataTable>
          {openId ? <DeliveryDetail endpointId={endpointId} id={openId} /> : null}
        </>
      )}
    </QueryState>
  );
}

function DeliveryRow({
  delivery,
  open,
  onToggle,
}: {
  delivery: WebhookDelivery;
  open: boolean;
  onToggle: () => void;
}) {
  const idId = useId();
  return (
    <tr>
      <th scope="row" id={idId}>
        {delivery.id}
      </th>
      <td>{EVENT_LABELS[delivery.event]}</td>
      <td>
        {STATUS_TEXT[delivery.status]}
        {delivery.status === 'pending' && delivery.nextAttemptAt ? (
          <>
            {' '}
            (next try <DateTime value={delivery.nextAttemptAt} />)
          </>
        ) : null}
      </td>
      <td className="tally-num">{delivery.attempts}</td>
      <td>
        <DateTime value={delivery.createdAt} />
      </td>
      <td>
        <button
          type="button"
          className="tally-button--secondary"
          aria-pressed={open}
          aria-describedby={idId}
          onClick={onToggle}
        >
          {open ? 'Hide' : 'Show'}
        </button>
      </td>
    </tr>
  );
}

function DeliveryDetail({ endpointId, id }: { endpointId: string; id: string }) {
  const detail = useWebhookDelivery(endpointId, id);
  const resend = useResendWebhookDelivery();
  return (
    <section className="tally-card" aria-label={`Delivery ${id}`}>
      <h4>Delivery {id}</h4>
      <QueryState query={detail} loading="Loading the delivery…">
        {(d) => (
          <>
            <p>
              {STATUS_TEXT[d.status]}
              {d.lastError ? ` — last error: ${d.lastError}` : ''}
            </p>
            {d.status === 'dead' ? (
              <p>
                <button
                  type="button"
                  disabled={resend.isPending}
                  onClick={() => resend.mutate({ endpointId, id })}
                >
                  {resend.isPending ? 'Re-sending…' : 'Re-send'}
                </button>
              </p>
            ) : null}
            {resend.error ? <ErrorState error={resend.error} /> : null}
            {resend.isSuccess ? (
              <p role="status" className="tally-notice">
                Queued again: it is sent within seconds.
              </p>
            ) : null}
            {d.log.length === 0 ? (
              <p>No attempts yet.</p>
            ) : (
              <DataTable
                label="Attempts"
                columns={[
                  'Attempt',
                  'When',
                  'Answer',
                  { label: 'Took (ms)', className: 'tally-num' },
                  'Response',
                ]}
              >
                {d.log.map((a, index) => (
                  <tr key={`${a.at}-${index}`}>
                    <th scope="row">{a.attempt}</th>
                    <td>
                      <DateTime value={a.at} />
                    </td>
                    <td>{a.statusCode !== null ? `HTTP ${a.statusCode}` : (a.error ?? '—')}</td>
                    <td className="tally-num">{a.durationMs}</td>
                    <td>
                      <code>{a.responseExcerpt ?? ''}</code>
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
            <details>
              <summary>Body</summary>
              <pre className="tally-pre">{d.body}</pre>
            </details>
          </>
        )}
      </QueryState>
    </section>
  );
}
