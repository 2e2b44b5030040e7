import { SegmentDefinitionSchema, type Programme, type Segment } from '@tally/domain';
import {
  Form,
  Page,
  QueryState,
  Section,
  SubmitButton,
  TextField,
  isApiError,
  useApiClient,
  useForm,
} from '@tally/ui';
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
import type { StoreList } from '../../../lib/stores';
import { useCreateSegment } from '../api/create-segment';
import { segmentQueryOptions, useSegment } from '../api/get-segment';
import { useUpdateSegment } from '../api/update-segment';
import {
  emptyValues,
  segmentLabels,
  segmentToValues,
  toDefinitionInput,
  toRulesInput,
} from '../lib/segment-form';
import { LiveCount } from './live-count';
import { SegmentRuleFields } from './segment-rule-fields';

/** What the detail page announces after a save (passed in the navigation's state). */
export interface SavedSegmentState {
  saved?: string;
}

/** `/segments/new` and `/segments/:id/edit`; the route admits only roles with `campaigns:manage`. */
export function SegmentEditorPage({ stores }: { stores: StoreList }) {
  const { id } = useParams();
  const programme = useProgramme();
  return (
    <Page title={id ? 'Edit segment' : 'New segment'}>
      <p>
        <Link to={id ? `/segments/${id}` : '/segments'}>
          {id ? 'Back to the segment' : 'Back to segments'}
        </Link>
      </p>
      <QueryState query={programme} loading="Loading the programme’s tiers…">
        {(data) =>
          id ? (
            <EditSegment id={id} programme={data} stores={stores} />
          ) : (
            <SegmentEditor programme={data} stores={stores} />
          )
        }
      </QueryState>
    </Page>
  );
}

function EditSegment({ id, programme, stores }: { id: string; programme: Programme; stores: StoreList }) {
  const segment = useSegment(id);
  return (
    <QueryState query={segment} loading="Loading the segment…">
      {(data) =>
        data.archived ? (
          <p className="tally-warning">This segment is archived and can no longer be changed.</p>
        ) : (
          <SegmentEditor programme={programme} stores={stores} segment={data} />
        )
      }
    </QueryState>
  );
}

function SegmentEditor({
  programme,
  stores,
  segment,
}: {
  programme: Programme;
  stores: StoreList;
  segment?: Segment;
}) {
  const currency = programme.currency;
  const client = useApiClient();
  const queryClient = useQueryClient();
  const versioned = useVersionedBase(segment, (current) =>
    queryClient.fetchQuery({ ...segmentQueryOptions(client, current.id), staleTime: 0 }),
  );
  const base = versioned.base;
  const [initialValues] = useState(() =>
    segment ? segmentToValues(segment.definition, currency) : emptyValues(),
  );
  const [labels] = useState(() => ({ ...segmentLabels(), rules: 'Rules' }));
  const create = useCreateSegment();
  const update = useUpdateSegment();
  const navigate = useNavigate();

  const form = useForm({
    initialValues,
    labels,
    schema: SegmentDefinitionSchema,
    toInput: (values) => toDefinitionInput(values, currency),
    onSubmit: (definition) =>
      base
        ? update.mutateAsync({ id: base.id, version: base.version, definition }).catch(withDefinitionPaths)
        : create.mutateAsync(definition),
    codeFields: { SEGMENT_NAME_TAKEN: 'name' },
    onSuccess: (saved) => {
      const state: SavedSegmentState = {
        saved: base ? `Saved as version ${saved.version}.` : 'Segment saved.',
      };
      void navigate(`/segments/${saved.id}`, { state });
    },
  });

  const conflict = isApiError(form.failure) && form.failure.code === 'SEGMENT_VERSION_CONFLICT';
  const reload = () => versioned.reload((fresh) => form.reset(segmentToValues(fresh.definition, currency)));

  return (
    <div className="campaign-editor">
      <Form
        form={form}
        className="tally-form campaign-editor__form"
        aria-label={base ? `Edit ${base.definition.name}` : 'New segment'}
      >
        {conflict ? <VersionConflict thing="segment" onReload={() => void reload()} /> : null}
        <ReloadedNotice version={versioned.reloaded} noticeRef={versioned.noticeRef} />
        <TextField
          form={form}
          name="name"
          autoComplete="off"
          hint="Staff see it when they pick an audience."
        />
        <TextField form={form} name="description" autoComplete="off" optional />
        <SegmentRuleFields form={form} tiers={programme.tiers} stores={stores} currency={currency} />
        <SubmitButton pending={form.pending} pendingText="Saving the segment…">
          {base ? 'Save segment' : 'Create segment'}
        </SubmitButton>
      </Form>
      <div className="campaign-editor__preview">
        <Section title="Members now">
          <LiveCount rulesInput={toRulesInput(form.values, currency)} />
        </Section>
      </div>
    </div>
  );
}
