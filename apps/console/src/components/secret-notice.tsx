import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface SecretNoticeProps {
  /** Names the region, e.g. "New POS key". */
  label: string;
  title: string;
  children: ReactNode;
  secret: string;
  copyLabel: string;
  onDone: () => void;
}

/**
 * Shows a new secret once. It lives only in this component's props (the caller resets its mutation when
 * the notice is dismissed), so leaving the page or pressing Done loses it for good.
 */
export function SecretNotice({ label, title, children, secret, copyLabel, onDone }: SecretNoticeProps) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const secretId = useId();

  useEffect(() => headingRef.current?.focus(), []);

  const copy = () => {
    navigator.clipboard.writeText(secret).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };

  return (
    <div className="tally-warning" role="region" aria-label={label}>
      <h3 ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      {children}
      <label htmlFor={secretId}>Secret</label>
      <input
        id={secretId}
        className="secret-input"
        readOnly
        value={secret}
        onFocus={(event) => event.target.select()}
      />
      <div className="tally-actions">
        <button type="button" onClick={copy}>
          {copyLabel}
        </button>
        <button type="button" className="tally-button--secondary" onClick={onDone}>
          Done, I have stored it
        </button>
        <span role="status">
          {copied === 'yes'
            ? 'Copied to the clipboard.'
            : copied === 'failed'
              ? 'Copying failed: select the secret and copy it.'
              : ''}
        </span>
      </div>
    </div>
  );
}
