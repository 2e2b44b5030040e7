import { explainProgramme, type PublicProgramme } from '@tally/domain';
import { Page, QueryState, Section } from '@tally/ui';
import { usePublicProgramme } from '../api/get-public-programme';
import { UpcomingChanges } from './upcoming-changes';

function readerLocale(): string {
  return typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en-GB';
}

/**
 * "How the programme works", for members and visitors alike. Every sentence is generated from the
 * programme's current settings (`explainProgramme` in the domain), never hand-written, so it cannot drift.
 */
export function HowItWorksPage() {
  const programme = usePublicProgramme();
  return (
    <Page
      title="How the programme works"
      lead="How you earn points, when you can spend them, and what happens on a return — from the programme’s current rules."
    >
      <QueryState query={programme} loading="Loading the programme…">
        {(data: PublicProgramme) => (
          <>
            {explainProgramme(data, readerLocale()).map((section) => (
              <Section key={section.id} title={section.title}>
                {section.paragraphs.map((paragraph) => (
                  <p key={paragraph}>{paragraph}</p>
                ))}
                {section.items.length > 0 ? (
                  <ul aria-label={section.title}>
                    {section.items.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                ) : null}
              </Section>
            ))}
          </>
        )}
      </QueryState>
      <UpcomingChanges />
    </Page>
  );
}
