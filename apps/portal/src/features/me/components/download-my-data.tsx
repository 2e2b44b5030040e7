import { ErrorState, Section } from '@tally/ui';
import { useDownloadMyData } from '../api/get-my-data';

export function DownloadMyData() {
  const download = useDownloadMyData();
  return (
    <Section title="Your data">
      <p>
        Download everything Tally holds about you: your profile, your balance and every line of your
        statement, as a JSON file.
      </p>
      {download.error ? <ErrorState error={download.error} /> : null}
      <div className="tally-actions">
        <button
          type="button"
          className="tally-button--secondary"
          disabled={download.isPending}
          onClick={() => download.mutate()}
        >
          Download my data
        </button>
        <span role="status" className="tally-muted">
          {download.isPending
            ? 'Preparing your file…'
            : download.isSuccess
              ? 'Your file was downloaded.'
              : ''}
        </span>
      </div>
    </Section>
  );
}
