import { IDEA_CATEGORY_LABELS, IdeaCategories, SubmitIdeaSchema } from '@tally/domain';
import {
  Form,
  Page,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useForm,
  useSettled,
} from '@tally/ui';
import { useNavigate } from 'react-router';
import { useSubmitIdea } from '../api/submit-idea';
import { ideaProblem } from './idea-messages';
import { IdeasNav } from './ideas-nav';
import { SimilarIdeas } from './similar-ideas';

const EMPTY = { title: '', description: '', category: '', tags: '' };

/** The schema's limits, for the hints (the schema itself still decides). */
export const TITLE_MIN = 10;
export const TITLE_MAX = 120;

/** What the similar-ideas search waits for after the last key press. */
const SUGGEST_PAUSE_MS = 400;

/** `click-and-collect, app` → `['click-and-collect', 'app']`: commas or spaces between tags. */
export function splitTags(text: string): string[] {
  return text.split(/[\s,]+/).filter((tag) => tag !== '');
}

/** Where the detail page learns that the idea was just submitted. */
export interface SubmittedState {
  submitted: true;
}

function titleHint(title: string): string {
  const length = title.trim().length;
  const rule = `Between ${TITLE_MIN} and ${TITLE_MAX} characters, on one line.`;
  if (length === 0) return rule;
  if (length < TITLE_MIN) return `${rule} ${TITLE_MIN - length} more needed.`;
  if (length > TITLE_MAX) return `${rule} ${length - TITLE_MAX} too many.`;
  return `${rule} ${length} of ${TITLE_MAX} used.`;
}

export function SubmitIdeaPage() {
  const submit = useSubmitIdea();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: EMPTY,
    labels: { title: 'Title', description: 'Description', category: 'Category', tags: 'Tags' },
    schema: SubmitIdeaSchema,
    toInput: (values) => ({
      title: values.title,
      description: values.description,
      category: values.category === '' ? undefined : values.category,
      tags: splitTags(values.tags),
    }),
    onSubmit: (body) =>
      submit.mutateAsync(body).catch((error: unknown) => {
        throw ideaProblem(error, 'submit');
      }),
    onSuccess: (idea) => {
      const state: SubmittedState = { submitted: true };
      void navigate(`/ideas/${idea.id}`, { state });
    },
    codeFields: { IDEA_ALREADY_SUBMITTED: 'title' },
  });
  const settledTitle = useSettled(form.values.title, SUGGEST_PAUSE_MS);

  return (
    <Page
      title="Submit an idea"
      lead="One idea at a time, please. New ideas are checked by a moderator before they are open for votes."
    >
      <IdeasNav />
      <Form form={form} className="tally-form" aria-label="Submit an idea">
        <TextField
          form={form}
          name="title"
          maxLength={TITLE_MAX + 20}
          autoComplete="off"
          hint={titleHint(form.values.title)}
        />
        <SimilarIdeas title={settledTitle} />
        <TextAreaField
          form={form}
          name="description"
          rows={6}
          maxLength={5000}
          hint="What would you like, and why would it help? Plain text; up to 5,000 characters."
        />
        <SelectField
          form={form}
          name="category"
          placeholder="Choose a category"
          options={IdeaCategories.map((value) => ({ value, label: IDEA_CATEGORY_LABELS[value] }))}
        />
        <TextField
          form={form}
          name="tags"
          optional
          autoComplete="off"
          hint="Up to 5, separated by commas: lower-case words joined by dashes, e.g. click-and-collect."
        />
        <SubmitButton pending={form.pending} pendingText="Submitting your idea…">
          Submit idea
        </SubmitButton>
      </Form>
    </Page>
  );
}
