import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from './api-client.js';

const ApiClientContext = createContext<ApiClient | null>(null);

/** The app's one API client for every hook below it (tests pass one aimed at their local server). */
export function useApiClient(): ApiClient {
  const client = useContext(ApiClientContext);
  if (!client) throw new Error('useApiClient needs an <AppProviders> (or <ApiClientProvider>) above it');
  return client;
}

export function ApiClientProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiClientContext.Provider value={client}>{children}</ApiClientContext.Provider>;
}

export interface AppProvidersProps {
  apiClient: ApiClient;
  queryClient: QueryClient;
  children: ReactNode;
}

/** The providers both apps need, in one place. */
export function AppProviders({ apiClient, queryClient, children }: AppProvidersProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={apiClient}>{children}</ApiClientProvider>
    </QueryClientProvider>
  );
}
