import type { WebhookEndpoint } from '@tally/domain';
import { DateTime, ErrorState } from '@tally/ui';
import { useId, useState } from 'react';
import { SecretNotice } from '../../../components/secret-notice';
import { useDeleteWebhook } from '../api/delete-webhook';
import { useRotateWebhookSecret } from '../api/rotate-webhook-secret';
import { useUpdateWebhook } from '../api/update-webhook';
import { EVENT_LABELS } from '../lib/webhook-events';
import { EditWebhookForm } from './edit-webhook-form';
import { WebhookDeliveries } from './webhook-deliveries';

type Panel = 'edit' | 'deliveries' | 'delete' | null;

export function WebhookEndpointCard({ endpoint }: { endpoint: WebhookEndpoint }) {
  const [panel, setPanel] = useState<Panel>(null);
  const update = useUpdateWebhook();
  const rotate = useRotateWebhookSecret();
  const remove = useDeleteWebhook();
  const headingId = useId();
  const panelId = useId();
  const toggle = (next: Panel) => setPanel((open) => (open === next ? null : next));
  const failure = update.error ?? rotate.error ?? remove.error;

  return (
    <article className="tally-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="webhook-url">
        {endpoint.url}
      </h3>
      {endpoint.description ? <p>{endpoint.description}</p> : null}
      <p>
        <span className={endpoint.enabled ? 'tally-badge tally-badge--ok' : 'tally-badge tally-badge--bad'}>
          {endpoint.enabled ? 'Enabled' : 'Disabled'}
        </span>{' '}
        Secret ends in <code>{endpoint.secretHint}</code> · added <DateTime value={endpoint.createdAt} />
      </p>
      <p className="tally-muted">Events: {endpoint.events.map((e) => EVENT_LABELS[e]).join(', ')}</p>
      <div className="tally-actions">
        <button
          type="button"
          className="tally-button--secondary"
          aria-expanded={panel === 'deliveries'}
          aria-controls={panelId}
          onClick={() => toggle('deliveries')}
        >
          Deliveries
        </button>
        <button
          type="button"
          className="tally-button--secondary"
          aria-expanded={panel === 'edit'}
          aria-controls={panelId}
          onClick={() => toggle('edit')}
        >
          Edit
        </button>
        <button
          type="button"
          className="tally-button--secondary"
          disabled={update.isPending}
          onClick={() => update.mutate({ id: endpoint.id, body: { enabled: !endpoint.enabled } })}
        >
          {endpoint.enabled ? 'Disable' : 'Enable'}
        </button>
        <button
          type="button"
          className="tally-button--secondary"
          disabled={rotate.isPending}
          onClick={() => rotate.mutate(endpoint.id)}
        >
          Rotate secret
        </button>
        <button
          type="button"
          className="tally-button--danger"
          aria-expanded={panel === 'delete'}
          aria-controls={panelId}
          onClick={() => toggle('delete')}
        >
          Delete
        </button>
      </div>
      {failure ? <ErrorState error={failure} /> : null}
      {rotate.data ? (
        <SecretNotice
          label="New signing secret"
          title="Secret rotated: copy the new one now"
          secret={rotate.data.secret}
          copyLabel="Copy secret"
          onDone={() => rotate.reset()}
        >
          <p>
            <strong>This is the only time it is shown.</strong> Deliveries from now on are signed with it; the
            old secret no longer verifies.
          </p>
        </SecretNotice>
      ) : null}
      <div id={panelId}>
        {panel === 'edit' ? <EditWebhookForm endpoint={endpoint} onDone={() => setPanel(null)} /> : null}
        {panel === 'deliveries' ? <WebhookDeliveries endpointId={endpoint.id} /> : null}
        {panel === 'delete' ? (
          <div className="tally-warning" role="group" aria-label="Confirm deletion">
            <p>Delete this endpoint with its deliveries and their log? This cannot be undone.</p>
            <div className="tally-actions">
              <button
                type="button"
                className="tally-button--danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate(endpoint.id)}
              >
                {remove.isPending ? 'Deleting…' : 'Confirm delete'}
              </button>
              <button type="button" className="tally-button--secondary" onClick={() => setPanel(null)}>
                Keep it
              </button>
            </div>
          </div>
        ) : null}
      </div>
    </article>
  );
}
