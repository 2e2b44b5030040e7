import { formatCardNumber } from '@tally/domain';
import { Page, QueryState, Section } from '@tally/ui';
import { useMe } from '../../../api/get-me';
import { CloseAccount } from './close-account';
import { DownloadMyData } from './download-my-data';
import { ProfileForm } from './profile-form';

export function ProfilePage() {
  const me = useMe();
  return (
    <Page title="Profile">
      <QueryState query={me} loading="Loading your profile…">
        {(data) => (
          <>
            <Section title="Your details">
              <p>
                Email: <strong>{data.email}</strong>
                <br />
                Card number: <strong>{formatCardNumber(data.cardNumber)}</strong>
              </p>
              <ProfileForm me={data} />
            </Section>
            <DownloadMyData />
            <CloseAccount />
          </>
        )}
      </QueryState>
    </Page>
  );
}
