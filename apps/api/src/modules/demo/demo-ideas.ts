import { type EntityManager } from 'typeorm';

type DemoState = 'pending_review' | 'open' | 'under_review' | 'planned' | 'in_progress' | 'shipped';

/** A few ideas in various states so the portal's board, roadmap and wall have something to show. */
export const DEMO_IDEAS: {
  author: 0 | 1;
  title: string;
  description: string;
  category: string;
  tags: string[];
  state: DemoState;
  /** Demo members (by index) who voted; voting follows. */
  voters: (0 | 1)[];
}[] = [
  {
    author: 0,
    title: 'Refill station for cleaning products',
    description: 'Bring your own bottle and refill washing-up liquid and detergent in store.',
    category: 'sustainability',
    tags: ['refill', 'less-plastic'],
    state: 'shipped',
    voters: [1],
  },
  {
    author: 1,
    title: 'Click and collect lockers at the station',
    description: 'Pick up online orders on the way home, even after the shop has closed.',
    category: 'online_shop',
    tags: ['click-and-collect'],
    state: 'planned',
    voters: [0],
  },
  {
    author: 0,
    title: 'Oat milk at no extra charge in the café',
    description: 'Plant milks cost 40p more; make them the same price as dairy.',
    category: 'in_store',
    tags: ['cafe'],
    state: 'under_review',
    voters: [1],
  },
  {
    author: 1,
    title: 'Paper receipts only when I ask for one',
    description: 'Email the receipt to members by default and print only on request.',
    category: 'sustainability',
    tags: ['receipts', 'less-paper'],
    state: 'open',
    voters: [0],
  },
  {
    author: 1,
    title: 'Open until 9pm on Thursdays',
    description: 'A late evening once a week for people who work late.',
    category: 'in_store',
    tags: ['opening-hours'],
    state: 'pending_review',
    voters: [],
  },
];

const PATH: DemoState[] = ['open', 'under_review', 'planned', 'in_progress', 'shipped'];
const RESPONSES: Record<DemoState, string> = {
  pending_review: 'Submitted; it will be open for votes once the team has had a look.',
  open: 'Thanks! Your idea is now open for votes.',
  under_review: 'Our buying team is looking into this.',
  planned: 'We will trial this at the London store next quarter.',
  in_progress: 'Work has started.',
  shipped: 'Live in London now — thank you for the idea!',
};

/** Inserts the demo ideas in the seed's transaction, each with its status history, votes and follows. */
export async function seedDemoIdeas(
  manager: EntityManager,
  memberIds: string[],
  staffId: string,
): Promise<void> {
  for (const idea of DEMO_IDEAS) {
    const authorId = memberIds[idea.author]!;
    const [row] = await manager.query<[{ id: string }]>(
      `INSERT INTO idea (author_id, title, description, category, tags, state, vote_count, follower_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        authorId,
        idea.title,
        idea.description,
        idea.category,
        idea.tags,
        idea.state,
        idea.voters.length,
        1 + idea.voters.filter((v) => v !== idea.author).length,
      ],
    );
    const states: DemoState[] =
      idea.state === 'pending_review' ? [] : PATH.slice(0, PATH.indexOf(idea.state) + 1);
    let from: DemoState = 'pending_review';
    await manager.query(
      `INSERT INTO idea_status_change (idea_id, from_state, to_state, response) VALUES ($1, NULL, 'pending_review', $2)`,
      [row.id, RESPONSES.pending_review],
    );
    for (const to of states) {
      await manager.query(
        `INSERT INTO idea_status_change (idea_id, from_state, to_state, response, staff_id) VALUES ($1, $2, $3, $4, $5)`,
        [row.id, from, to, RESPONSES[to], staffId],
      );
      from = to;
    }
    await manager.query(`INSERT INTO idea_follow (idea_id, member_id) VALUES ($1, $2)`, [row.id, authorId]);
    for (const voter of idea.voters) {
      await manager.query(`INSERT INTO idea_vote (idea_id, member_id) VALUES ($1, $2)`, [
        row.id,
        memberIds[voter],
      ]);
      await manager.query(
        `INSERT INTO idea_follow (idea_id, member_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [row.id, memberIds[voter]],
      );
    }
  }
}
