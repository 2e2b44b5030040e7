import { OutboxStatus, type OutboxMessage } from '@tally/domain';
import { DateTime, Page, PagedList, Section } from '@tally/ui';
import { useId, useState } from 'react';
import { useOutbox, type OutboxStatusFilter } from '../api/get-outbox';
import { LinkifiedText } from './linkified-text';

const STATUS_LABELS: Record<OutboxStatusFilter, string> = {
  pending: 'Pending',
  sent: 'Sent',
  failed: 'Failed',
  held: 'Held (no mail transport)',
};

export function OutboxPage() {
  const [status, setStatus] = useState<OutboxStatusFilter | ''>('');
  const outbox = useOutbox(status || undefined);
  const statusId = useId();

  return (
    <Page title="Outbox" lead="Emails Tally has sent or is waiting to send, newest first.">
      <div className="tally-field filter-field">
        <label htmlFor={statusId} className="tally-field__label">
          Status
        </label>
        <select
          id={statusId}
          value={status}
          onChange={(event) => {
            const parsed = OutboxStatus.safeParse(event.target.value);
            setStatus(parsed.success ? parsed.data : '');
          }}
        >
          <option value="">All</option>
          {OutboxStatus.options.map((value) => (
            <option key={value} value={value}>
              {STATUS_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <Section title="Messages">
        <PagedList
          query={outbox}
          noun="messages"
          loading="Loading the outbox…"
          empty={<p>No messages{status ? ` with status ${STATUS_LABELS[status].toLowerCase()}` : ''}.</p>}
        >
          {(messages) => (
            <ul className="tally-list" aria-label="Outbox messages">
              {messages.map((message) => (
                <OutboxItem key={message.id} message={message} />
              ))}
            </ul>
          )}
        </PagedList>
      </Section>
    </Page>
  );
}

function OutboxItem({ message }: { message: OutboxMessage }) {
  const [open, setOpen] = useState(false);
  const subjectId = useId();
  const bodyId = useId();
  return (
    <li>
      <h3 id={subjectId} className="outbox-subject">
        {message.subject}
      </h3>
      <dl className="outbox-meta">
        <div>
          <dt>To</dt>
          <dd>{message.to}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{STATUS_LABELS[message.status]}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>
            <DateTime value={message.createdAt} />
          </dd>
        </div>
        {message.lastError ? (
          <div>
            <dt>Last error</dt>
            <dd>{message.lastError}</dd>
          </div>
        ) : null}
      </dl>
      <button
        type="button"
        className="tally-button--secondary"
        aria-expanded={open}
        aria-controls={bodyId}
        aria-describedby={subjectId}
        onClick={() => setOpen((value) => !value)}
      >
        {open ? 'Hide message' : 'Show message'}
      </button>
      <pre id={bodyId} className="tally-pre" hidden={!open}>
        <LinkifiedText text={message.body} />
      </pre>
    </li>
  );
}
