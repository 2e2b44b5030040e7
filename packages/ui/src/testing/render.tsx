import type { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import type { ApiClient } from '../api-client.js';
import { AppProviders } from '../api-client-context.js';
import { createQueryClient } from '../query-client.js';

export interface RenderPageOptions {
  apiClient: ApiClient;
  /** The URL the router starts at, e.g. `/reset-password?token=…`. */
  path?: string;
  queryClient?: QueryClient;
}

export interface RenderedPage extends RenderResult {
  queryClient: QueryClient;
}

/**
 * Renders `ui` (usually `<Routes>`), followed by a `LocationProbe`, as the app would: the real query client wiring, the API client under
 * test (aimed at a local server) and a memory router starting at `path`.
 */
export function renderPage(
  ui: ReactElement,
  { apiClient, path = '/', queryClient = createQueryClient(apiClient) }: RenderPageOptions,
): RenderedPage {
  const result = render(
    <AppProviders apiClient={apiClient} queryClient={queryClient}>
      <MemoryRouter initialEntries={[path]} useTransitions={false}>
        {ui}
        <LocationProbe />
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...result, queryClient };
}

/** Prints the router's current path, so a test can see where a page navigated to. */
export function LocationProbe() {
  const location = useLocation();
  return <output aria-label="Current path">{`${location.pathname}${location.search}`}</output>;
}
