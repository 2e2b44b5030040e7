import {
  CampaignSimulationRequestSchema,
  simulationActive,
  type CampaignSimulation,
  type CampaignSimulationStatus,
} from '@tally/domain';
import {
  DateTime,
  ErrorState,
  Form,
  PagedList,
  Section,
  SubmitButton,
  TextField,
  formatDateTime,
  formatPoints,
  useForm,
} from '@tally/ui';
import { useId } from 'react';
import { useCancelCampaignSimulation } from '../api/cancel-campaign-simulation';
import { useCampaignSimulations } from '../api/get-campaign-simulations';
import { useStartCampaignSimulation } from '../api/start-campaign-simulation';
import { formatMinor } from '../../../lib/money';
import { defaultSimulationPeriod, simulationRequest } from '../lib/simulation-period';
import { formatShare, LabelledProgress } from './budget-progress';

const STATUS_LABELS: Record<CampaignSimulationStatus, string> = {
  queued: 'Waiting to start',
  running: 'Running',
  done: 'Finished',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

/**
 * "What would this campaign have done?": the campaign, as it is now, run over the receipts the tills
 * recorded in a past period by a background job, with a progress bar while it runs, a cancel button,
 * and the figures; earlier simulations below.
 */
export function CampaignSimulations({ campaignId, canManage }: { campaignId: string; canManage: boolean }) {
  const simulations = useCampaignSimulations(campaignId);
  return (
    <Section title="Simulate on past sales">
      <p className="tally-muted">
        How the campaign as it is now would have done on the receipts the tills recorded in a past period: the
        till’s own engine, sale by sale, with its days and hours, audience, budget and per-member limits.
        Nothing is issued.
      </p>
      {canManage ? <StartSimulation campaignId={campaignId} /> : null}
      <PagedList
        query={simulations}
        loading="Loading the simulations…"
        empty={<p>No simulations yet.</p>}
        noun="simulations"
      >
        {([latest, ...earlier]) => (
          <>
            {latest ? <LatestSimulation simulation={latest} canManage={canManage} /> : null}
            {earlier.length > 0 ? (
              <>
                <h3>Earlier simulations</h3>
                <ol className="tally-list" aria-label="Earlier simulations">
                  {earlier.map((simulation) => (
                    <EarlierSimulation key={simulation.id} simulation={simulation} />
                  ))}
                </ol>
              </>
            ) : null}
          </>
        )}
      </PagedList>
    </Section>
  );
}

function StartSimulation({ campaignId }: { campaignId: string }) {
  const start = useStartCampaignSimulation(campaignId);
  const form = useForm({
    initialValues: defaultSimulationPeriod(),
    labels: { from: 'From', to: 'To' },
    schema: CampaignSimulationRequestSchema,
    toInput: (values) => simulationRequest(values),
    onSubmit: (period) => start.mutateAsync(period),
  });
  return (
    <Form form={form} className="tally-form" aria-label="New simulation">
      <div className="campaign-pair">
        <TextField form={form} name="from" type="date" hint="The first day, from midnight on your clock." />
        <TextField form={form} name="to" type="date" hint="The last day; today means up to now." />
      </div>
      <SubmitButton pending={form.pending} pendingText="Starting the simulation…">
        Start simulation
      </SubmitButton>
    </Form>
  );
}

const periodText = (simulation: CampaignSimulation) =>
  `${formatDateTime(simulation.period.from)} to ${formatDateTime(simulation.period.to)}`;

function statusSentence(simulation: CampaignSimulation): string {
  switch (simulation.status) {
    case 'queued':
      return 'Waiting for the simulation to start…';
    case 'running':
      return 'Simulating on past sales…';
    case 'done':
      return simulation.results.budgetExhaustedAt
        ? 'Simulation finished: the budget would have run out, so later sales are left out.'
        : 'Simulation finished.';
    case 'cancelled':
      return 'Simulation cancelled; the figures are those found before it stopped.';
    case 'failed':
      return `Simulation failed: ${simulation.error ?? 'no reason was given'}.`;
  }
}

function LatestSimulation({ simulation, canManage }: { simulation: CampaignSimulation; canManage: boolean }) {
  const headingId = useId();
  const cancel = useCancelCampaignSimulation(simulation.campaignId);
  const active = simulationActive(simulation.status);
  return (
    <section aria-labelledby={headingId} className="campaign-simulation">
      <h3 id={headingId}>Latest simulation</h3>
      <p>
        {periodText(simulation)} <span className="tally-muted">(version {simulation.campaignVersion})</span>
      </p>
      <p role="status">{statusSentence(simulation)}</p>
      {active || simulation.progress.total !== null ? <SimulationProgress simulation={simulation} /> : null}
      {active && canManage ? (
        <p>
          <button
            type="button"
            className="tally-button--secondary"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate(simulation.id)}
          >
            {cancel.isPending ? 'Cancelling…' : 'Cancel simulation'}
          </button>
        </p>
      ) : null}
      {cancel.isError ? <ErrorState error={cancel.error} /> : null}
      <SimulationFigures simulation={simulation} />
    </section>
  );
}

/**
 * Receipts looked at, as words and a bar (kept once it has finished, so a simulation cut short by its
 * budget or a cancel shows how far it got); a bar with no value while they are being counted.
 */
function SimulationProgress({ simulation }: { simulation: CampaignSimulation }) {
  const { processed, total } = simulation.progress;
  return total === null ? (
    <LabelledProgress label="Counting the receipts…" />
  ) : (
    <LabelledProgress
      label={`${formatPoints(processed)} of ${formatPoints(total)} receipts looked at (${formatShare(processed, total)})`}
      value={processed}
      max={total}
    />
  );
}

function SimulationFigures({ simulation }: { simulation: CampaignSimulation }) {
  const { results } = simulation;
  const figures: [string, string][] = [
    ['Points it would have issued', formatPoints(results.pointsIssued)],
    ['Members reached', formatPoints(results.membersReached)],
    ['Receipts matched', formatPoints(results.receiptsMatched)],
    ['Cost at point value', formatMinor(results.cost, results.currency)],
    [
      'Budget',
      results.budgetPoints === null
        ? 'No budget'
        : `${formatPoints(results.pointsIssued)} of ${formatPoints(results.budgetPoints)} points`,
    ],
  ];
  if (results.budgetExhaustedAt)
    figures.push(['Budget would have run out', formatDateTime(results.budgetExhaustedAt)]);
  return (
    <dl className="tally-stats campaign-figures" aria-label="Simulated figures">
      {figures.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function EarlierSimulation({ simulation }: { simulation: CampaignSimulation }) {
  const { results } = simulation;
  return (
    <li>
      <p>
        <strong>{periodText(simulation)}</strong> — {STATUS_LABELS[simulation.status].toLowerCase()}, version{' '}
        {simulation.campaignVersion}
      </p>
      <p>
        {formatPoints(results.pointsIssued)} points, {formatPoints(results.membersReached)}{' '}
        {results.membersReached === 1 ? 'member' : 'members'}, {formatPoints(results.receiptsMatched)}{' '}
        {results.receiptsMatched === 1 ? 'receipt' : 'receipts'},{' '}
        {formatMinor(results.cost, results.currency)}
      </p>
      <p className="tally-muted">
        {simulation.requestedBy?.name ?? 'Someone'}, <DateTime value={simulation.requestedAt} />
      </p>
    </li>
  );
}
