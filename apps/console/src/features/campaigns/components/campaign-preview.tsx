import {
  CampaignDefinitionSchema,
  ReceiptSchema,
  type CampaignPreview as CampaignPreviewResult,
  type Tier,
} from '@tally/domain';
import { ErrorState, Section, fieldMessage, formatPoints, formatPointsChange, useSettled } from '@tally/ui';
import { useId, useState } from 'react';
import { localInputToUtc, localTimeZone } from '../../../lib/local-date-time';
import { useCampaignPreview, type CampaignPreviewRequest } from '../api/preview-campaign';
import { CAMPAIGN_LABELS, type CampaignFormValues } from '../lib/campaign-form';
import { unitsToMinor } from '../../../lib/money';

interface SampleLine {
  sku: string;
  category: string;
  quantity: string;
  price: string;
}

const FIRST_LINE: SampleLine = { sku: 'SAMPLE-1', category: '', quantity: '1', price: '10.00' };

type Built = { request: CampaignPreviewRequest } | { waiting: string };

function buildRequest(
  definitionInput: unknown,
  lines: readonly SampleLine[],
  tierId: string,
  at: string,
  currency: string,
): Built {
  const definition = CampaignDefinitionSchema.safeParse(definitionInput);
  if (!definition.success) {
    const issue = definition.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    const label = CAMPAIGN_LABELS[field as keyof CampaignFormValues] ?? field;
    if (!issue) return { waiting: 'the campaign is not complete.' };
    const message = fieldMessage(label, issue.message);
    return { waiting: message === issue.message ? `${label}: ${message}` : message };
  }
  const receipt = ReceiptSchema.safeParse({
    id: 'preview',
    currency,
    lines: lines.map((line) => ({
      sku: line.sku,
      category: line.category.trim() || undefined,
      quantity: Number(line.quantity),
      unitPrice: unitsToMinor(line.price, currency) ?? Number.NaN,
    })),
  });
  if (!receipt.success) return { waiting: 'Give every sample line a SKU, a whole quantity and a price.' };
  return {
    request: {
      definition: definition.data,
      receipt: receipt.data,
      member: tierId ? { tierId } : {},
      ...(localInputToUtc(at) ? { at: localInputToUtc(at) } : {}),
      timeZone: localTimeZone(),
    },
  };
}

/**
 * A sample sale through the till's own engine (on the server), without and with the campaign as it
 * stands in the form, asked again a moment after each change.
 */
export function CampaignPreview({
  definitionInput,
  tiers,
  currency,
}: {
  definitionInput: unknown;
  tiers: readonly Tier[];
  currency: string;
}) {
  const [lines, setLines] = useState<SampleLine[]>([FIRST_LINE]);
  const [tierId, setTierId] = useState('');
  const [at, setAt] = useState('');
  const id = useId();
  const built = useSettled(buildRequest(definitionInput, lines, tierId, at, currency), 400);
  const preview = useCampaignPreview('request' in built ? built.request : null);

  const setLine = (index: number, change: Partial<SampleLine>) =>
    setLines((current) => current.map((line, i) => (i === index ? { ...line, ...change } : line)));

  return (
    <Section title="Preview">
      <p className="tally-muted">A sample sale, worked out by the same engine as the till.</p>
      {'request' in built && built.request.definition.audience.segments.length > 0 ? (
        <p className="tally-muted">
          The sample member is taken to be in the campaign’s segments; at the till, only members in at least
          one of them get its points.
        </p>
      ) : null}
      <fieldset className="tally-fieldset">
        <legend>Sample sale</legend>
        {lines.map((line, index) => {
          const n = index + 1;
          const field = (name: keyof SampleLine, label: string, extra: object = {}) => (
            <div className="tally-field">
              <label className="tally-field__label" htmlFor={`${id}-${index}-${name}`}>
                {label}
              </label>
              <input
                id={`${id}-${index}-${name}`}
                value={line[name]}
                autoComplete="off"
                onChange={(event) => setLine(index, { [name]: event.target.value })}
                {...extra}
              />
            </div>
          );
          return (
            <fieldset key={index} className="tally-fieldset campaign-sample-line">
              <legend>Line {n}</legend>
              {field('sku', 'SKU')}
              {field('category', 'Category (optional)')}
              {field('quantity', 'Quantity', { type: 'number', inputMode: 'numeric', min: 1, step: 1 })}
              {field('price', `Unit price (${currency})`, { inputMode: 'decimal' })}
              {lines.length > 1 ? (
                <button
                  type="button"
                  className="tally-button--secondary"
                  onClick={() => setLines((current) => current.filter((_, i) => i !== index))}
                >
                  Remove line {n}
                </button>
              ) : null}
            </fieldset>
          );
        })}
        <button
          type="button"
          className="tally-button--secondary"
          onClick={() => setLines((current) => [...current, { ...FIRST_LINE, sku: '', price: '' }])}
        >
          Add a line
        </button>
        <div className="tally-field">
          <label className="tally-field__label" htmlFor={`${id}-tier`}>
            Member’s tier
          </label>
          <select id={`${id}-tier`} value={tierId} onChange={(event) => setTierId(event.target.value)}>
            <option value="">No tier</option>
            {tiers.map((tier) => (
              <option key={tier.id} value={tier.id}>
                {tier.name}
              </option>
            ))}
          </select>
        </div>
        <div className="tally-field">
          <label className="tally-field__label" htmlFor={`${id}-at`}>
            Time of the sale <span className="tally-field__optional">(optional)</span>
          </label>
          <p id={`${id}-at-hint`} className="tally-field__hint">
            Empty means the campaign’s start.
          </p>
          <input
            id={`${id}-at`}
            type="datetime-local"
            value={at}
            aria-describedby={`${id}-at-hint`}
            onChange={(event) => setAt(event.target.value)}
          />
        </div>
      </fieldset>
      {/* Only the totals are announced; the breakdown below is there to read. */}
      <div role="status" aria-busy={preview.isFetching || undefined} className="campaign-preview__result">
        {'waiting' in built ? (
          <p>Preview waits for a complete campaign: {built.waiting}</p>
        ) : preview.isPending ? (
          <p>Working out the points…</p>
        ) : preview.data ? (
          <PreviewTotals preview={preview.data} />
        ) : null}
      </div>
      {'request' in built && preview.data ? <PreviewLines preview={preview.data} /> : null}
      {preview.isError ? <ErrorState error={preview.error} onRetry={() => void preview.refetch()} /> : null}
    </Section>
  );
}

function PreviewTotals({ preview }: { preview: CampaignPreviewResult }) {
  return (
    <>
      <dl className="tally-stats">
        <div>
          <dt>Without the campaign</dt>
          <dd>{formatPoints(preview.without.points)} points</dd>
        </div>
        <div>
          <dt>With the campaign</dt>
          <dd>{formatPoints(preview.with.points)} points</dd>
        </div>
      </dl>
      <p>
        This campaign adds <strong>{formatPointsChange(preview.campaignPoints)}</strong> points to the sale.
      </p>
    </>
  );
}

function PreviewLines({ preview }: { preview: CampaignPreviewResult }) {
  return (
    <div className="tally-table-wrap">
      <table className="tally-table" aria-label="Points with the campaign">
        <thead>
          <tr>
            <th scope="col">How</th>
            <th scope="col" className="tally-num">
              Points
            </th>
          </tr>
        </thead>
        <tbody>
          {preview.with.lines.map((line, index) => (
            <tr key={index}>
              <td>{line.description}</td>
              <td className="tally-num">{formatPoints(line.points)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
