import { formatCardNumber } from '@tally/domain';
import { isApiError, LoadingState, Page, QueryState } from '@tally/ui';
import { lazy, Suspense, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useMe } from '../../../api/get-me';
import { readSavedCard, saveCard, type SavedCard } from '../saved-card';

const QrCode = lazy(() => import('../../../components/qr-code'));

/** No answer from the API at all (as opposed to an answer saying no). */
export function isUnreachable(error: unknown): boolean {
  return isApiError(error) && error.code === 'NETWORK_ERROR';
}

function subscribeOnline(onChange: () => void) {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** The browser's own idea of being online (`navigator.onLine`), kept current. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}

const TITLE = 'My card';
const LEAD = 'Show this at the till to collect or spend points.';

/**
 * The membership card to show at the till: the number as large text and as a QR code. Each time the
 * member's card loads it is saved on the device; when the API cannot be reached (offline at the till)
 * the saved card is shown instead, saying so.
 */
export function CardPage() {
  const me = useMe();
  const online = useOnline();
  const [saved] = useState(readSavedCard);
  const fresh = me.data;

  useEffect(() => {
    if (fresh) saveCard({ cardNumber: fresh.cardNumber, name: fresh.name });
  }, [fresh]);

  const unreachable = !online || (me.isError && isUnreachable(me.error));
  return (
    <Page title={TITLE} lead={LEAD}>
      {fresh ? (
        <MemberCard card={fresh} />
      ) : saved && unreachable ? (
        <OfflineCard card={saved} />
      ) : (
        <QueryState query={me} loading="Loading your card…">
          {(data) => <MemberCard card={data} />}
        </QueryState>
      )}
    </Page>
  );
}

/** The card page before the session could be checked: only the saved card. */
export function SavedCardPage({ card }: { card: SavedCard }) {
  return (
    <Page title={TITLE} lead={LEAD}>
      <OfflineCard card={card} />
    </Page>
  );
}

/** The saved card with the notice that it is the saved one. */
function OfflineCard({ card }: { card: SavedCard }) {
  return (
    <>
      <p role="status" className="tally-notice">
        You are offline — showing your saved card.
      </p>
      <MemberCard card={card} />
    </>
  );
}

/** The card itself, with a full-screen mode for scanning. */
function MemberCard({ card: member }: { card: SavedCard }) {
  const card = useRef<HTMLDivElement>(null);
  // The overlay stands in where the Fullscreen API is missing or refused (iOS Safari on iPhone).
  const [overlay, setOverlay] = useState(false);
  const [fullScreen, setFullScreen] = useState(false);

  useEffect(() => {
    const onChange = () => setFullScreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  useEffect(() => {
    if (!overlay) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOverlay(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [overlay]);

  function enterFullScreen() {
    const element = card.current;
    if (element && typeof element.requestFullscreen === 'function' && document.fullscreenEnabled) {
      element.requestFullscreen().catch(() => setOverlay(true));
    } else {
      setOverlay(true);
    }
  }

  function leave() {
    if (document.fullscreenElement) void document.exitFullscreen();
    setOverlay(false);
  }

  const large = overlay || fullScreen;

  const number = formatCardNumber(member.cardNumber);
  return (
    <div
      ref={card}
      className="tally-member-card"
      role={overlay ? 'dialog' : undefined}
      aria-modal={overlay ? true : undefined}
      aria-label={overlay ? 'Membership card' : undefined}
      style={
        large
          ? {
              position: overlay ? 'fixed' : undefined,
              inset: 0,
              zIndex: 1000,
              background: '#ffffff',
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'center',
              justifyContent: 'center',
              gap: '1rem',
            }
          : undefined
      }
    >
      <p className="tally-member-card__name">{member.name}</p>
      <p>
        Card number
        <br />
        <strong style={{ fontSize: large ? '2.5rem' : '2rem', letterSpacing: '0.05em' }}>{number}</strong>
      </p>
      <Suspense fallback={<LoadingState>Loading the QR code…</LoadingState>}>
        <QrCode value={member.cardNumber} label={`QR code for card ${number}`} size={large ? 320 : 200} />
      </Suspense>
      {large ? (
        <button type="button" onClick={leave}>
          Close full screen
        </button>
      ) : (
        <button type="button" onClick={enterFullScreen}>
          Full screen
        </button>
      )}
    </div>
  );
}
