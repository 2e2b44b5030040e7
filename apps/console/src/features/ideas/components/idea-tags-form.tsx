import { UpdateIdeaTagsSchema, type Idea } from '@tally/domain';
import { Form, SubmitButton, TextField, useForm } from '@tally/ui';
import { useState } from 'react';
import { useUpdateIdeaTags } from '../api/update-idea-tags';

/** Tags as typed: separated by commas or spaces. */
const splitTags = (text: string) => text.split(/[\s,]+/).filter((tag) => tag !== '');

/** The idea's tags (members filter by them): lower-case slugs, at most five. */
export function IdeaTagsForm({ idea }: { idea: Idea }) {
  const update = useUpdateIdeaTags();
  const [saved, setSaved] = useState('');
  const form = useForm({
    initialValues: { tags: idea.tags.join(', ') },
    labels: { tags: 'Tags' },
    schema: UpdateIdeaTagsSchema,
    toInput: ({ tags }) => ({ tags: splitTags(tags) }),
    onSubmit: (body) => update.mutateAsync({ id: idea.id, body }),
    onSuccess: (changed) => {
      // Shown as the API stored them (lower-cased, repeats dropped).
      form.reset({ tags: changed.tags.join(', ') });
      setSaved(changed.tags.length > 0 ? `Tags saved: ${changed.tags.join(', ')}.` : 'Tags removed.');
    },
  });
  return (
    <Form form={form} className="tally-form" aria-label="Edit tags">
      <TextField
        form={form}
        name="tags"
        optional
        autoComplete="off"
        hint="Up to five, separated by commas: lower-case letters, digits and dashes (click-and-collect)."
      />
      <SubmitButton pending={form.pending} pendingText="Saving the tags…" className="tally-button--secondary">
        Save tags
      </SubmitButton>
      <p role="status" className="tally-muted">
        {form.pending ? '' : saved}
      </p>
    </Form>
  );
}
