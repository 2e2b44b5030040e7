import type { MemberSummary } from '@tally/domain';
import { ErrorState, fieldMessage, isApiError } from '@tally/ui';
import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useFindMember, type MemberLookup } from '../api/lookup-member';
import { describeLookup, parseMemberQuery } from '../lib/member-query';

export interface FindMemberFormProps {
  value: string;
  onChange: (value: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  onFound: (lookup: MemberLookup, member: MemberSummary) => void;
}

/**
 * A keyboard-wedge scanner types the card's digits and presses Enter into the focused field, which
 * submits this form; a card number with a wrong check digit is caught before any request.
 */
export function FindMemberForm({ value, onChange, inputRef, onFound }: FindMemberFormProps) {
  const find = useFindMember();
  const id = useId();
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  // Two scans in quick succession: only the last one's answer may show.
  const latest = useRef(0);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = parseMemberQuery(value);
    setFailure(null);
    if (!query.ok) {
      setMessage(query.message);
      inputRef.current?.focus();
      return;
    }
    setMessage(null);
    const request = ++latest.current;
    find.mutate(query.lookup, {
      onSuccess: (member) => {
        if (request === latest.current) onFound(query.lookup, member);
      },
      onError: (error) => {
        if (request !== latest.current) return;
        if (isApiError(error) && error.code === 'MEMBER_NOT_FOUND') {
          setMessage(`No member has this ${describeLookup(query.lookup)}. Check it, or ask for another.`);
        } else if (isApiError(error) && error.code === 'VALIDATION_FAILED' && error.errors[0]) {
          setMessage(fieldMessage('Card number', error.errors[0].message));
        } else {
          setFailure(error);
        }
        inputRef.current?.select();
      },
    });
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <form aria-label="Find member" className="checkout-find" noValidate onSubmit={submit}>
      <div className={message ? 'tally-field tally-field--invalid' : 'tally-field'}>
        <label htmlFor={id} className="tally-field__label">
          Card number
        </label>
        <p id={hintId} className="tally-field__hint">
          Scan the card, or type its number, an email address or a phone number, then press Enter.
        </p>
        {message ? (
          <p id={errorId} className="tally-field__error" role="alert">
            <span className="tally-visually-hidden">Error: </span>
            {message}
          </p>
        ) : null}
        <div className="checkout-find__row">
          <input
            ref={inputRef}
            id={id}
            type="text"
            value={value}
            onChange={(event) => {
              onChange(event.target.value);
              setMessage(null);
            }}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="search"
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? `${hintId} ${errorId}` : hintId}
          />
          <button type="submit" disabled={find.isPending}>
            Find member
          </button>
        </div>
      </div>
      <span role="status" className="tally-muted">
        {find.isPending ? 'Looking the member up…' : ''}
      </span>
      {failure ? <ErrorState error={failure} /> : null}
    </form>
  );
}
