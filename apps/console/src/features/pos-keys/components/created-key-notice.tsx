import type { CreatedPosKey } from '@tally/domain';
import { SecretNotice } from '../../../components/secret-notice';

/** Shows a new key's secret once (see `SecretNotice`). */
export function CreatedKeyNotice({ posKey, onDone }: { posKey: CreatedPosKey; onDone: () => void }) {
  return (
    <SecretNotice
      label="New POS key"
      title={`Key “${posKey.name}” created: copy its secret now`}
      secret={posKey.secret}
      copyLabel="Copy key"
      onDone={onDone}
    >
      <p>
        <strong>This is the only time the secret is shown.</strong> Store it in the till’s configuration;
        Tally keeps only a hash and cannot show it again. If it is lost, revoke this key and create a new one.
      </p>
    </SecretNotice>
  );
}
