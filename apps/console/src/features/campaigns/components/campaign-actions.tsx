import { CampaignAction, campaignTransition, type Campaign } from '@tally/domain';
import { ErrorState } from '@tally/ui';
import { useEffect, useRef, useState } from 'react';
import { ReasonForm } from '../../../components/reason-form';
import { useCampaignAction } from '../api/campaign-action';
import { CAMPAIGN_ACTION_DONE, CAMPAIGN_ACTION_LABELS } from '../lib/campaign-status';

/** Actions that record why: they open a reason form first (ending also asks for confirmation there). */
const NEEDS_REASON: ReadonlySet<CampaignAction> = new Set(['pause', 'end']);

/**
 * The lifecycle buttons the campaign's status allows, decided by the domain's `campaignTransition` (the
 * rule the API applies), so a refused button is never offered.
 */
export function CampaignActions({ campaign }: { campaign: Campaign }) {
  const run = useCampaignAction();
  const [asking, setAsking] = useState<CampaignAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const now = new Date();
  const actions = CampaignAction.options
    .map((action) => ({
      action,
      next: campaignTransition(campaign.status, action, campaign.definition, now),
    }))
    .filter(({ next }) => next !== null);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const perform = (action: CampaignAction, reason?: string) =>
    run.mutateAsync({ id: campaign.id, action, reason }).then(() => {
      setAsking(null);
      setDone(CAMPAIGN_ACTION_DONE[action]);
    });

  if (asking) {
    const name = campaign.definition.name;
    return (
      <>
        {asking === 'end' ? (
          <p className="tally-warning">
            Ending is final: the campaign stops adding points at once and cannot be started again.
          </p>
        ) : null}
        <ReasonForm
          title={`${CAMPAIGN_ACTION_LABELS[asking]}: ${name}`}
          submitLabel={asking === 'end' ? 'Confirm end' : 'Confirm pause'}
          pendingText={asking === 'end' ? 'Ending the campaign…' : 'Pausing the campaign…'}
          danger={asking === 'end'}
          onSubmit={(reason) => perform(asking, reason)}
          onDone={() => setAsking(null)}
        />
      </>
    );
  }

  return (
    <>
      {actions.length > 0 ? (
        <div className="row-actions" role="group" aria-label="Campaign actions">
          {actions.map(({ action, next }) => (
            <button
              key={action}
              type="button"
              className={action === 'end' ? 'tally-button--danger' : 'tally-button--secondary'}
              disabled={run.isPending}
              onClick={() => {
                setDone(null);
                run.reset();
                if (NEEDS_REASON.has(action)) setAsking(action);
                else void perform(action).catch(() => undefined);
              }}
            >
              {action === 'schedule' && next === 'live' ? 'Go live now' : CAMPAIGN_ACTION_LABELS[action]}
            </button>
          ))}
        </div>
      ) : (
        <p className="tally-muted">An ended campaign has no further actions.</p>
      )}
      {actions.some(({ action, next }) => action === 'schedule' && next === 'live') ? (
        <p className="tally-muted">Its start has passed, so scheduling it makes it live at once.</p>
      ) : null}
      <p ref={doneRef} tabIndex={-1} role="status" className={done ? 'tally-notice' : undefined}>
        {run.isPending ? 'Working…' : (done ?? '')}
      </p>
      {run.isError && !asking ? <ErrorState error={run.error} /> : null}
    </>
  );
}
