import { ApiError, isApiError } from '@tally/ui';
import { useRef, useState, type RefObject } from 'react';

/**
 * Editors of versioned things (campaigns, segments) name their fields by the definition's own paths; a
 * PUT names them inside its body (`definition.window.endsAt`), so the prefix goes before the form sees
 * the API's errors.
 */
export function withDefinitionPaths(error: unknown): never {
  if (isApiError(error) && error.errors.some((e) => e.field.startsWith('definition.'))) {
    throw new ApiError({
      status: error.status,
      code: error.code,
      title: error.title,
      detail: error.detail,
      requestId: error.requestId,
      errors: error.errors.map((e) => ({ ...e, field: e.field.replace(/^definition\./, '') })),
    });
  }
  throw error;
}

/** A save refused because someone saved a newer version: keep the changes, or load theirs. */
export function VersionConflict({ thing, onReload }: { thing: string; onReload: () => void }) {
  return (
    <div className="tally-warning">
      <p>
        Someone else saved this {thing} after you opened it. Your changes are still in the form, but saving
        them would overwrite theirs.
      </p>
      <button type="button" className="tally-button--secondary" onClick={onReload}>
        Reload the latest version
      </button>{' '}
      <span className="tally-muted">(replaces your changes with theirs)</span>
    </div>
  );
}

/** Says which version was loaded; the editor moves focus here after a reload. */
export function ReloadedNotice({
  version,
  noticeRef,
}: {
  version: number | null;
  noticeRef: RefObject<HTMLParagraphElement | null>;
}) {
  return version !== null ? (
    <p ref={noticeRef} tabIndex={-1} role="status" className="tally-notice">
      Loaded version {version}. Make your changes again, then save.
    </p>
  ) : null;
}

/**
 * The version an edit is based on, kept still while the page refetches in the background so a save
 * never silently overwrites what someone else saved meanwhile. `reload` makes the latest version the
 * base, hands it to `reset` (to refill the form) and moves focus to the `ReloadedNotice`.
 */
export function useVersionedBase<T extends { version: number }>(
  initial: T | undefined,
  fetchLatest: (base: T) => Promise<T>,
) {
  const [base, setBase] = useState(initial);
  const [reloaded, setReloaded] = useState<number | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const reload = async (reset: (fresh: T) => void) => {
    if (!base) return;
    const fresh = await fetchLatest(base);
    setBase(fresh);
    reset(fresh);
    setReloaded(fresh.version);
    setTimeout(() => noticeRef.current?.focus(), 0);
  };
  return { base, reload, reloaded, noticeRef };
}
