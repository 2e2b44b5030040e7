import { IDEA_COMMENTS_PER_HOUR, IDEA_SUBMISSIONS_PER_HOUR } from '@tally/domain';
import { ApiError, isApiError, type ApiErrorCode } from '@tally/ui';

interface Wording {
  title: string;
  detail: string;
}

/** What the member did when a refusal came back, so a rate limit can say what it limits. */
export type IdeaAction = 'submit' | 'comment' | 'vote' | 'follow' | 'report';

const RATE_LIMITED: Partial<Record<IdeaAction, Wording>> = {
  submit: {
    title: 'You have submitted a lot of ideas in the last hour',
    detail: `A member can submit ${IDEA_SUBMISSIONS_PER_HOUR} ideas an hour. Please try again later.`,
  },
  comment: {
    title: 'You have posted a lot of comments in the last hour',
    detail: `A member can post ${IDEA_COMMENTS_PER_HOUR} comments an hour. Please try again later.`,
  },
};

const BY_CODE: Partial<Record<ApiErrorCode, Wording>> = {
  IDEA_ALREADY_SUBMITTED: {
    title: 'You already submitted this idea',
    detail: 'An idea of yours has the same title and description. You can find it under My impact.',
  },
  IDEA_NOT_VOTABLE: {
    title: 'Voting on this idea has closed',
    detail: 'Votes can be given and withdrawn only while an idea is open.',
  },
  IDEA_ALREADY_FLAGGED: {
    title: 'You have already reported this idea',
    detail: 'Thank you: the moderators will look at it.',
  },
  MEMBER_BLOCKED: {
    title: 'You can no longer post or vote on the ideas board',
    detail:
      'A moderator has closed your access to the board. Please contact us if you think this is a mistake.',
  },
};

/** The API's refusal in the member's words for the ideas board (the request id stays for support). */
export function ideaProblem(error: unknown, action: IdeaAction): unknown {
  if (!isApiError(error)) return error;
  const limited = error.code === 'RATE_LIMITED' ? RATE_LIMITED[action] : undefined;
  // The API's own detail on a rate limit says when to try again; keep it.
  const wording = limited ? { ...limited, detail: error.detail ?? limited.detail } : BY_CODE[error.code];
  if (!wording) return error;
  return new ApiError(
    {
      status: error.status,
      code: error.code,
      title: wording.title,
      detail: wording.detail,
      errors: error.errors,
      requestId: error.requestId,
    },
    { cause: error },
  );
}

/** One line for a refusal shown beside a button. */
export function ideaProblemText(error: Error, action: IdeaAction): string {
  const problem = ideaProblem(error, action);
  if (!isApiError(problem)) return error.message || 'Something went wrong. Please try again.';
  return problem.detail ? `${problem.title}. ${problem.detail}` : problem.title;
}
