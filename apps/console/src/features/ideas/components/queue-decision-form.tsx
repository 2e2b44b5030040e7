import {
  ApproveIdeaSchema,
  DeclineSpamSchema,
  ideaStateLabel,
  type ModerationQueueItem,
} from '@tally/domain';
import {
  CheckboxField,
  Form,
  formatPoints,
  TextAreaField,
  isApiError,
  useForm,
  type UseFormOptions,
} from '@tally/ui';
import { useApproveIdea } from '../api/approve-idea';
import { useDeclineSpam } from '../api/decline-spam';
import { ideaName } from '../lib/idea-labels';
import { ConfirmButtons } from './confirm-buttons';

const flagCount = (n: number) => `${formatPoints(n)} ${n === 1 ? 'flag' : 'flags'}`;

export type QueueDecision = 'approve' | 'decline';

/** The texts the API would use when none is sent: shown in the form, so staff see what the author reads. */
const APPROVE_DEFAULTS = ApproveIdeaSchema.parse({});
const DECLINE_DEFAULTS = DeclineSpamSchema.parse({});

export interface QueueDecisionFormProps {
  item: ModerationQueueItem;
  decision: QueueDecision;
  /** Called with what happened, to announce (also when someone else decided first). */
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * The confirmation step of a moderation decision: approve (optionally trusting the author, so their
 * next ideas skip review) or decline as spam (blocking the author unless unticked), each with the
 * public response the author reads.
 */
export function QueueDecisionForm({ item, decision, onDone, onCancel }: QueueDecisionFormProps) {
  const approve = useApproveIdea();
  const decline = useDeclineSpam();
  const { idea, author } = item;
  const common = { name: ideaName(idea), onDone, onCancel };
  if (decision === 'approve') {
    // A flagged idea that is already public stays as it is: approving clears its flags, and the
    // response is only the audit log's reason (nobody is told).
    const waiting = idea.state === 'pending_review';
    return (
      <DecisionForm
        {...common}
        title="Approve"
        schema={ApproveIdeaSchema}
        initialValues={{ flag: false, response: waiting ? APPROVE_DEFAULTS.response : '' }}
        toInput={({ flag, response }) => ({ markAuthorTrusted: flag, response })}
        send={(body) => approve.mutateAsync({ id: idea.id, body })}
        intro={
          waiting
            ? 'It opens for votes, and its followers are told.'
            : `It stays ${ideaStateLabel(idea.state)}; its ${flagCount(item.flagCount)} are cleared.`
        }
        flag={
          author.trusted
            ? { already: `${author.name} is already trusted.` }
            : {
                label: `Mark ${author.name} trusted`,
                hint: 'Their next ideas open for votes at once, without review.',
              }
        }
        responseLabel={waiting ? 'Public response' : 'Reason'}
        responseHint={
          waiting ? 'The author reads this with the news.' : 'Kept in the audit log; the author is not told.'
        }
        submitLabel="Confirm approval"
        pendingText="Approving…"
        done={(body) =>
          `Approved ${common.name}${body.markAuthorTrusted ? `; ${author.name} is trusted from now on` : ''}.`
        }
      />
    );
  }
  return (
    <DecisionForm
      {...common}
      title="Decline as spam"
      intro="It is declined (a declined idea can be reopened later), and its flags are cleared."
      schema={DeclineSpamSchema}
      initialValues={{ flag: !author.blocked, response: DECLINE_DEFAULTS.response }}
      toInput={({ flag, response }) => ({ blockAuthor: flag, response })}
      send={(body) => decline.mutateAsync({ id: idea.id, body })}
      flag={
        author.blocked
          ? { already: `${author.name} is already blocked.` }
          : {
              label: `Block ${author.name} from the ideas board`,
              hint: 'They can no longer submit, comment, vote or flag.',
            }
      }
      responseLabel="Reason (the author reads it)"
      responseHint="Shown to the author with the decision."
      submitLabel="Confirm: decline as spam"
      pendingText="Declining…"
      danger
      done={(body) =>
        `Declined ${common.name} as spam${body.blockAuthor ? `; ${author.name} is blocked from the board` : ''}.`
      }
    />
  );
}

type DecisionValues = { flag: boolean; response: string };

interface DecisionFormProps<Out> {
  name: string;
  title: string;
  schema: UseFormOptions<DecisionValues, Out, string>['schema'];
  initialValues: DecisionValues;
  toInput: (values: DecisionValues) => unknown;
  send: (body: Out) => Promise<unknown>;
  /** What the decision does to the idea. */
  intro: string;
  /** The checkbox (trust or block the author), or why there is none. */
  flag: { label: string; hint: string } | { already: string };
  responseLabel: string;
  responseHint: string;
  submitLabel: string;
  pendingText: string;
  danger?: boolean;
  done: (body: Out) => string;
  onDone: (message: string) => void;
  onCancel: () => void;
}

function DecisionForm<Out>(props: DecisionFormProps<Out>) {
  const { name, flag, onCancel } = props;
  const form = useForm({
    initialValues: props.initialValues,
    labels: { flag: 'label' in flag ? flag.label : '', response: props.responseLabel },
    schema: props.schema,
    toInput: props.toInput,
    onSubmit: (body) =>
      props.send(body).then(
        () => props.done(body),
        (error: unknown) => {
          // Another moderator decided first: say so above the queue, not on a card that is going away.
          if (isApiError(error) && error.code === 'IDEA_TRANSITION_REFUSED')
            return `${name} was already decided by someone else; the queue is up to date again.`;
          throw error;
        },
      ),
    onSuccess: props.onDone,
  });
  return (
    <Form form={form} className="tally-form idea-decision" aria-label={`${props.title}: ${name}`}>
      <p>{props.intro}</p>
      {'label' in flag ? (
        <CheckboxField form={form} name="flag" hint={flag.hint} />
      ) : (
        <p className="tally-muted">{flag.already}</p>
      )}
      <TextAreaField form={form} name="response" hint={props.responseHint} />
      <ConfirmButtons
        pending={form.pending}
        pendingText={props.pendingText}
        onCancel={onCancel}
        danger={props.danger}
      >
        {props.submitLabel}
      </ConfirmButtons>
    </Form>
  );
}
