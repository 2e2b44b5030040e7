import { HealthPanel } from '../features/health/components/health-panel';

export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <p className="app-header__brand">Tally — your points</p>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <h1>Your points</h1>
        <p className="app-lead">Your balance and latest activity will appear here.</p>
        <HealthPanel />
      </main>
    </>
  );
}
