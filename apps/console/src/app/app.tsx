import { HealthPanel } from '../features/health/components/health-panel';

export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <p className="app-header__brand">Tally Console</p>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <h1>Operations</h1>
        <p className="app-lead">
          Operator tools will appear here as they are built; for now this page shows whether the service is
          healthy.
        </p>
        <HealthPanel />
      </main>
    </>
  );
}
