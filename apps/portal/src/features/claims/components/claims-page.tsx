import { Page, Section } from '@tally/ui';
import { ClaimForm } from './claim-form';
import { ClaimList } from './claim-list';

export function ClaimsPage() {
  return (
    <Page
      title="Missing points"
      lead="A purchase did not earn points? Tell us the receipt and we will check it with the store. A receipt earns points once."
    >
      <Section title="Claim missing points">
        <ClaimForm />
      </Section>
      <Section title="Your claims">
        <ClaimList />
      </Section>
    </Page>
  );
}
