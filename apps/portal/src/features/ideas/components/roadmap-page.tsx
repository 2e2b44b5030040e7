import { Page, QueryState, Section } from '@tally/ui';
import { useRoadmap } from '../api/get-roadmap';
import { IdeaSummaryList } from './idea-summary-list';
import { IdeasNav } from './ideas-nav';

export function RoadmapPage() {
  const roadmap = useRoadmap();
  return (
    <Page title="Roadmap" lead="What we are doing with members’ ideas, most recently moved first.">
      <IdeasNav />
      <QueryState query={roadmap} loading="Loading the roadmap…">
        {(data) => (
          <div className="roadmap">
            <Section title="Planned">
              <IdeaSummaryList ideas={data.planned} label="Planned" empty="Nothing planned yet." />
            </Section>
            <Section title="In progress">
              <IdeaSummaryList ideas={data.inProgress} label="In progress" empty="Nothing in progress yet." />
            </Section>
            <Section title="Shipped">
              <IdeaSummaryList ideas={data.shipped} label="Shipped" empty="Nothing shipped yet." />
            </Section>
          </div>
        )}
      </QueryState>
    </Page>
  );
}
