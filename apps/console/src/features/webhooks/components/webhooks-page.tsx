import { Page, QueryState, Section } from '@tally/ui';
import { useWebhooks } from '../api/get-webhooks';
import { CreateWebhookForm } from './create-webhook-form';
import { WebhookEndpointCard } from './webhook-endpoint-card';

/** Admins' webhook endpoints; the route admits only roles with `webhooks:manage`. */
export function WebhooksPage() {
  const endpoints = useWebhooks();
  return (
    <Page
      title="Webhooks"
      lead="Tally posts signed events (points earned, redeemed, expired, reversed; tier changes) to your systems, retrying failures with backoff."
    >
      <Section title="Add an endpoint">
        <CreateWebhookForm />
      </Section>
      <Section title="Endpoints">
        <QueryState
          query={endpoints}
          loading="Loading endpoints…"
          isEmpty={(list) => list.length === 0}
          empty={<p>No endpoints yet.</p>}
        >
          {(list) => (
            <ul className="tally-list webhook-list">
              {list.map((endpoint) => (
                <li key={endpoint.id}>
                  <WebhookEndpointCard endpoint={endpoint} />
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </Section>
      <Section title="Checking a delivery">
        <p>
          Each delivery is a POST with a JSON body and the headers <code>Tally-Event</code>,{' '}
          <code>Tally-Delivery</code> (the same on every retry: use it to ignore duplicates) and{' '}
          <code>Tally-Signature: t=&lt;unix time&gt;,v1=&lt;hex&gt;</code>, where the hex is the HMAC-SHA256
          of <code>&lt;t&gt;.&lt;body&gt;</code> with the endpoint’s secret. Answer 2xx within 5 seconds;
          anything else is retried up to 8 times over about an hour, then the delivery is marked dead and can
          be re-sent here.
        </p>
      </Section>
    </Page>
  );
}
