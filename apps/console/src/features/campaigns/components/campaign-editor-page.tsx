import { CampaignDefinitionSchema, campaignEditable, type Campaign, type Programme } from '@tally/domain';
import { Form, Page, QueryState, SubmitButton, isApiError, useApiClient, useForm } from '@tally/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  ReloadedNotice,
  VersionConflict,
  useVersionedBase,
  withDefinitionPaths,
} from '../../../components/version-conflict';
import { useProgramme } from '../../../lib/programme';
import { useSegmentChoices } from '../../../lib/segments';
import { useCreateCampaign } from '../api/create-campaign';
import { campaignQueryOptions, useCampaign } from '../api/get-campaign';
import { useUpdateCampaign } from '../api/update-campaign';
import { CAMPAIGN_LABELS, NEW_CAMPAIGN, campaignToValues, toDefinitionInput } from '../lib/campaign-form';
import { CampaignFields } from './campaign-fields';
import { CampaignPreview } from './campaign-preview';

/** What the detail page announces after a save (passed in the navigation's state). */
export interface SavedState {
  saved?: string;
}

/** `/campaigns/new` and `/campaigns/:id/edit`; the route admits only roles with `campaigns:manage`. */
export function CampaignEditorPage() {
  const { id } = useParams();
  const programme = useProgramme();
  return (
    <Page title={id ? 'Edit campaign' : 'New campaign'}>
      <p>
        <Link to={id ? `/campaigns/${id}` : '/campaigns'}>
          {id ? 'Back to the campaign' : 'Back to campaigns'}
        </Link>
      </p>
      <QueryState query={programme} loading="Loading the programme’s tiers…">
        {(data) => (id ? <EditCampaign id={id} programme={data} /> : <CampaignEditor programme={data} />)}
      </QueryState>
    </Page>
  );
}

function EditCampaign({ id, programme }: { id: string; programme: Programme }) {
  const campaign = useCampaign(id);
  return (
    <QueryState query={campaign} loading="Loading the campaign…">
      {(data) =>
        campaignEditable(data.status) ? (
          <CampaignEditor programme={programme} campaign={data} />
        ) : (
          <p className="tally-warning">This campaign has ended and can no longer be changed.</p>
        )
      }
    </QueryState>
  );
}

function CampaignEditor({ programme, campaign }: { programme: Programme; campaign?: Campaign }) {
  const currency = programme.currency;
  const client = useApiClient();
  const queryClient = useQueryClient();
  const versioned = useVersionedBase(campaign, (current) =>
    queryClient.fetchQuery({ ...campaignQueryOptions(client, current.id), staleTime: 0 }),
  );
  const base = versioned.base;
  const [initialValues] = useState(() =>
    campaign ? campaignToValues(campaign.definition, currency) : NEW_CAMPAIGN,
  );
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const navigate = useNavigate();
  const toInput = (values: typeof initialValues) => toDefinitionInput(values, currency, base?.definition);
  const segments = useSegmentChoices();

  const form = useForm({
    initialValues,
    labels: CAMPAIGN_LABELS,
    schema: CampaignDefinitionSchema,
    toInput,
    onSubmit: (definition) =>
      base
        ? update.mutateAsync({ id: base.id, version: base.version, definition }).catch(withDefinitionPaths)
        : create.mutateAsync(definition),
    onSuccess: (saved) => {
      const state: SavedState = {
        saved: base ? `Saved as version ${saved.version}.` : 'Campaign created as a draft.',
      };
      void navigate(`/campaigns/${saved.id}`, { state });
    },
  });

  const conflict = isApiError(form.failure) && form.failure.code === 'CAMPAIGN_VERSION_CONFLICT';
  const reload = () => versioned.reload((fresh) => form.reset(campaignToValues(fresh.definition, currency)));

  return (
    <div className="campaign-editor">
      <Form
        form={form}
        className="tally-form campaign-editor__form"
        aria-label={base ? `Edit ${base.definition.name}` : 'New campaign'}
      >
        {conflict ? <VersionConflict thing="campaign" onReload={() => void reload()} /> : null}
        <ReloadedNotice version={versioned.reloaded} noticeRef={versioned.noticeRef} />
        {base?.status === 'live' ? (
          <p className="tally-muted">This campaign is live: a saved change applies from the next sale.</p>
        ) : null}
        <CampaignFields
          form={form}
          tiers={programme.tiers}
          currency={currency}
          segments={{
            list: segments.data ?? [],
            emptyText: segments.isError
              ? 'The saved segments could not be loaded; reload the page to pick one.'
              : segments.data
                ? 'No segments are saved yet (see Segments).'
                : 'Loading the segments…',
          }}
        />
        <SubmitButton pending={form.pending} pendingText="Saving the campaign…">
          {base ? 'Save campaign' : 'Create campaign'}
        </SubmitButton>
      </Form>
      <div className="campaign-editor__preview">
        <CampaignPreview definitionInput={toInput(form.values)} tiers={programme.tiers} currency={currency} />
      </div>
    </div>
  );
}
