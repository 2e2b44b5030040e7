import { Page, QueryState } from '@tally/ui';
import { useMe } from '../../../api/get-me';
import { BalanceSummary } from './balance-summary';
import { LatestActivity } from './latest-activity';

/** The signed-in member's home page: balance summary and latest activity. */
export function MemberHome({ name }: { name: string }) {
  const me = useMe();
  return (
    <Page title="Your points" lead={`Hello, ${name}.`}>
      <QueryState query={me} loading="Loading your balance…">
        {(data) => <BalanceSummary me={data} />}
      </QueryState>
      <LatestActivity />
    </Page>
  );
}
