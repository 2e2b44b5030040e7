import { formatCardNumber } from '@tally/domain';
import { LoadingState, Page, QueryState } from '@tally/ui';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useMe } from '../../../api/get-me';

const QrCode = lazy(() => import('../../../components/qr-code'));

/** The membership card to show at the till: the number as large text and as a QR code. */
export function CardPage() {
  const me = useMe();
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

  return (
    <Page title="My card" lead="Show this at the till to collect or spend points.">
      <QueryState query={me} loading="Loading your card…">
        {(data) => {
          const number = formatCardNumber(data.cardNumber);
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
              <p>
                Card number
                <br />
                <strong style={{ fontSize: large ? '2.5rem' : '2rem', letterSpacing: '0.05em' }}>
                  {number}
                </strong>
              </p>
              <Suspense fallback={<LoadingState>Loading the QR code…</LoadingState>}>
                <QrCode
                  value={data.cardNumber}
                  label={`QR code for card ${number}`}
                  size={large ? 320 : 200}
                />
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
        }}
      </QueryState>
    </Page>
  );
}
