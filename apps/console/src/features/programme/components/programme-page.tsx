import { explainProgramme, toPublicProgramme, type Programme } from '@tally/domain';
import { Page, QueryState, Section } from '@tally/ui';
import { useProgramme } from '../../../lib/programme';
import { AnnounceChange } from './announce-change';
import { IdeaBonuses } from './idea-bonuses';
import { ProgrammeChanges } from './programme-changes';

/**
 * `/programme`: the programme as members live it, the changes announced for it and, for roles with
 * `programme:manage`, a form to announce the next one (worse changes need the notice period) and the
 * ideas bonuses, which are internal and saved at once.
 */
export function ProgrammePage({ canManage }: { canManage: boolean }) {
  const programme = useProgramme();
  return (
    <Page
      title="Programme"
      lead="How members earn and keep points. Changes are announced to members by email and on the portal before they take effect."
    >
      <QueryState query={programme} loading="Loading the programme…">
        {(current) => (
          <>
            <CurrentSettings programme={current} />
            {canManage ? <AnnounceChange programme={current} /> : null}
            <IdeaBonuses settings={current.ideas} canManage={canManage} />
          </>
        )}
      </QueryState>
      <ProgrammeChanges canManage={canManage} />
    </Page>
  );
}

function CurrentSettings({ programme }: { programme: Programme }) {
  const sections = explainProgramme(toPublicProgramme(programme), navigator.language || 'en');
  return (
    <Section title="Current settings">
      <dl className="programme-settings">
        {sections.map((section) => (
          <div key={section.id}>
            <dt>{section.title}</dt>
            {section.paragraphs.map((text) => (
              <dd key={text}>{text}</dd>
            ))}
          </div>
        ))}
      </dl>
      <p className="tally-muted">
        A change that is worse for members needs at least {programme.changeNoticeDays} days’ notice.
      </p>
    </Section>
  );
}
