import type { Idea, IdeaDetail, ModerationQueueItem } from '@tally/domain';

/** Test data for the ideas feature's tests (never imported by the app). */
export const IDEA_ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
export const TARGET_ID = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
export const SPAM_ID = '3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f';
export const AUTHOR_ID = '4d5e6f7a-8b9c-4d0e-9f1a-3b4c5d6e7f80';

export function idea(overrides: Partial<Idea> = {}): Idea {
  return {
    id: IDEA_ID,
    number: 42,
    title: 'Paper bags at every till',
    description: 'Plastic bags feel wrong.\nPaper ones, please — <b>not</b> bold.',
    category: 'sustainability',
    tags: ['bags'],
    state: 'open',
    duplicateOf: null,
    authorName: 'Ann',
    authorId: AUTHOR_ID,
    votes: 12,
    followers: 15,
    commentCount: 1,
    createdAt: '2026-03-01T10:00:00.000Z',
    lastStatusChangeAt: '2026-03-02T09:30:00.000Z',
    viewerVoted: false,
    viewerFollows: false,
    ...overrides,
  };
}

export function ideaDetail(overrides: Partial<IdeaDetail> = {}): IdeaDetail {
  return {
    ...idea(overrides),
    statusHistory: [
      {
        id: '5e6f7a8b-9c0d-4e1f-8a2b-4c5d6e7f8091',
        from: null,
        to: 'pending_review',
        response: 'Submitted; it will be open for votes once the team has had a look.',
        byName: null,
        at: '2026-03-01T10:00:00.000Z',
      },
      {
        id: '6f7a8b9c-0d1e-4f2a-9b3c-5d6e7f8091a2',
        from: 'pending_review',
        to: 'open',
        response: 'Thanks! Your idea is now open for votes.',
        byName: 'Mia Marketing',
        at: '2026-03-02T09:30:00.000Z',
      },
    ],
    comments: {
      items: [
        {
          id: '7a8b9c0d-1e2f-4a3b-8c4d-6e7f8091a2b3',
          body: 'Yes please!',
          authorName: 'Bob',
          staffAnswer: false,
          createdAt: '2026-03-02T11:00:00.000Z',
        },
      ],
      nextCursor: null,
    },
    ...overrides,
  };
}

export const target: Idea = idea({
  id: TARGET_ID,
  number: 7,
  title: 'No more plastic bags',
  state: 'under_review',
  votes: 30,
  followers: 31,
  authorName: 'Cat',
});

export const pendingItem: ModerationQueueItem = {
  idea: idea({ state: 'pending_review', votes: 0, followers: 1 }),
  reason: 'pending_review',
  author: { id: AUTHOR_ID, name: 'Ann', trusted: false, blocked: false },
  flagCount: 0,
  flags: [],
};

export const flaggedItem: ModerationQueueItem = {
  idea: idea({
    id: SPAM_ID,
    number: 43,
    title: 'Cheap watches at my website',
    description: 'Visit my shop for watches.',
    category: 'other',
    tags: [],
    state: 'open',
    authorName: 'Sam',
    authorId: '8b9c0d1e-2f3a-4b4c-9d5e-7f8091a2b3c4',
    votes: 1,
  }),
  reason: 'flagged',
  author: { id: '8b9c0d1e-2f3a-4b4c-9d5e-7f8091a2b3c4', name: 'Sam', trusted: true, blocked: false },
  flagCount: 2,
  flags: [
    { reason: 'spam', note: 'An advert', createdAt: '2026-03-03T08:00:00.000Z' },
    { reason: 'off_topic', note: null, createdAt: '2026-03-02T08:00:00.000Z' },
  ],
};
