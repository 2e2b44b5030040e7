import type { CreatedPosKey } from '@tally/domain';
import { useEffect, useId, useRef, useState } from 'react';

/**
 * Shows a new key's secret once. It lives only in this component's props (the mutation is reset when the
 * notice is dismissed), so leaving the page or pressing Done loses it for good.
 */
export function CreatedKeyNotice({ posKey, onDone }: { posKey: CreatedPosKey; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const secretId = useId();

  useEffect(() => headingRef.current?.focus(), []);

  const copy = () => {
    navigator.clipboard.writeText(posKey.secret).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };

  return (
    <div className="tally-warning" role="region" aria-label="New POS key">
      <h3 ref={headingRef} tabIndex={-1}>
        Key “{posKey.name}” created: copy its secret now
      </h3>
      <p>
        <strong>This is the only time the secret is shown.</strong> Store it in the till’s configuration;
        Tally keeps only a hash and cannot show it again. If it is lost, revoke this key and create a new one.
      </p>
      <label htmlFor={secretId}>Secret</label>
      <input
        id={secretId}
        className="secret-input"
        readOnly
        value={posKey.secret}
        onFocus={(event) => event.target.select()}
      />
      <div className="tally-actions">
        <button type="button" onClick={copy}>
          Copy key
        </button>
        <button type="button" className="tally-button--secondary" onClick={onDone}>
          Done, I have stored it
        </button>
        <span role="status">
          {copied === 'yes'
            ? 'Copied to the clipboard.'
            : copied === 'failed'
              ? 'Copying failed: select the key and copy it.'
              : ''}
        </span>
      </div>
    </div>
  );
}
