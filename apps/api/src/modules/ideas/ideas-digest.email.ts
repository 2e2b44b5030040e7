import { type IdeaState, ideaStateLabel } from '@tally/domain';
import { type OutgoingEmail } from '../outbox/templates.js';
import { type DigestCandidate } from './ideas.repository.js';

/** The daily digest: one plain-text email listing the day's changes to the ideas a member follows. */
export function ideaDigestEmail(candidate: DigestCandidate, day: string): OutgoingEmail {
  const lines = candidate.changes.flatMap((c) => [
    `#${c.number} ${c.title}`,
    `  ${c.from ? `${ideaStateLabel(c.from as IdeaState)} → ` : ''}${ideaStateLabel(c.to as IdeaState)}`,
    `  ${c.response}`,
    '',
  ]);
  const count = candidate.changes.length;
  return {
    template: 'idea_digest',
    to: candidate.email,
    subject: `Ideas you follow: ${count} ${count === 1 ? 'update' : 'updates'} on ${day}`,
    body: [
      `Hello ${candidate.name},`,
      '',
      `Here is what happened on ${day} to the ideas you follow:`,
      '',
      ...lines,
      'You get this because you follow these ideas (voting follows an idea). Unfollow an idea on its page to stop hearing about it.',
    ].join('\n'),
  };
}
