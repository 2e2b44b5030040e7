import { describeIneligible, type MyReferrals, type ReferralFriend } from '@tally/domain';
import { DateTime, EmptyState, Page, QueryState, Section, formatPoints } from '@tally/ui';
import { useId, useRef, useState } from 'react';
import { useMyReferrals } from '../api/get-my-referrals';

/** Refer a friend: my code and link to share, and what became of each friend who joined with it. */
export function ReferralsPage() {
  const referrals = useMyReferrals();
  return (
    <Page
      title="Refer a friend"
      lead="Share your link. When a friend joins with it, you both earn points once their first purchase can no longer be returned."
    >
      <QueryState query={referrals} loading="Loading your referrals…">
        {(data) => (
          <>
            <Section title="Your code">
              <ShareCode data={data} />
            </Section>
            <Section title="Friends">
              <Friends data={data} />
            </Section>
          </>
        )}
      </QueryState>
    </Page>
  );
}

function ShareCode({ data }: { data: MyReferrals }) {
  const linkId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState('');
  const url = new URL(data.link, window.location.origin).toString();

  if (!data.enabled) {
    return <p>Referrals are paused for now. Your code stays the same for when they are back.</p>;
  }

  /** The Clipboard API where there is one; else the selected text and the old copy command. */
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setMessage('Link copied.');
    } catch {
      input.current?.select();
      const copied = typeof document.execCommand === 'function' && document.execCommand('copy');
      setMessage(copied ? 'Link copied.' : 'Copying failed: the link is selected, copy it yourself.');
    }
  };

  const share = async () => {
    try {
      await navigator.share({
        title: 'Join me on Tally',
        text: `Join Tally with my code ${data.code} and get ${formatPoints(data.friendPoints)} points after your first purchase.`,
        url,
      });
    } catch {
      // Closing the share sheet is not an error worth showing.
    }
  };

  return (
    <>
      <p>
        You get <strong>{formatPoints(data.referrerPoints)} points</strong> and your friend gets{' '}
        <strong>{formatPoints(data.friendPoints)} points</strong>, for up to {formatPoints(data.monthlyCap)}{' '}
        friends a month.
      </p>
      <p className="referral-code" aria-label="Your referral code">
        {data.code}
      </p>
      <label htmlFor={linkId}>Your link</label>
      <input
        id={linkId}
        ref={input}
        className="referral-link"
        readOnly
        value={url}
        onFocus={(e) => e.target.select()}
      />
      <div className="tally-actions">
        <button type="button" onClick={() => void copy()}>
          Copy link
        </button>
        {typeof navigator.share === 'function' ? (
          <button type="button" className="tally-button--secondary" onClick={() => void share()}>
            Share
          </button>
        ) : null}
      </div>
      <p role="status" className="tally-status">
        {message}
      </p>
    </>
  );
}

function Friends({ data }: { data: MyReferrals }) {
  if (data.friends.length === 0) {
    return (
      <EmptyState>
        <p>No friend has joined with your code yet.</p>
      </EmptyState>
    );
  }
  return (
    <>
      <dl className="tally-stats">
        <div>
          <dt>Friends joined</dt>
          <dd>{formatPoints(data.totals.joined)}</dd>
        </div>
        <div>
          <dt>Points pending</dt>
          <dd>{formatPoints(data.totals.pointsPending)}</dd>
        </div>
        <div>
          <dt>Points earned</dt>
          <dd>{formatPoints(data.totals.pointsEarned)}</dd>
        </div>
      </dl>
      <ul aria-label="Friends who joined">
        {data.friends.map((friend) => (
          <li key={friend.id} className="activity-line">
            <div>
              <strong>{friend.displayName}</strong>
              <div className="tally-muted">
                Joined <DateTime value={friend.joinedAt} />
              </div>
              <div>
                <FriendState friend={friend} />
              </div>
            </div>
            <div className="activity-line__points">
              <FriendPoints friend={friend} />
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

function FriendState({ friend }: { friend: ReferralFriend }) {
  switch (friend.state) {
    case 'joined':
      return <>Joined: waiting for their first purchase</>;
    case 'purchase_pending':
      return friend.rewardDueAt ? (
        <>
          First purchase made: points due after <DateTime value={friend.rewardDueAt} />
        </>
      ) : (
        <>First purchase made: points due after the return window</>
      );
    case 'rewarded':
      return <>Rewarded</>;
    case 'not_eligible':
      return (
        <>Not eligible{friend.ineligibleReason ? `: ${describeIneligible(friend.ineligibleReason)}` : ''}</>
      );
  }
}

function FriendPoints({ friend }: { friend: ReferralFriend }) {
  if (friend.pointsEarned > 0) return <>+{formatPoints(friend.pointsEarned)} points earned</>;
  if (friend.pointsPending > 0) return <>{formatPoints(friend.pointsPending)} points pending</>;
  return <span className="tally-muted">No points</span>;
}
