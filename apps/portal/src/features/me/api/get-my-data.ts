import { MemberExportSchema, type MemberExport } from '@tally/domain';
import { saveJsonFile, useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ME_KEY } from '../../../api/get-me';

/** `GET /api/v1/me/export`: everything Tally holds about the member. */
export function getMyData(
  client: ApiClient,
  { signal }: { signal?: AbortSignal } = {},
): Promise<MemberExport> {
  return client.get('/api/v1/me/export', MemberExportSchema, { signal });
}

/** Personal data: never kept in the cache after it was handed over. */
export function myDataQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: [...ME_KEY, 'export'] as const,
    queryFn: ({ signal }) => getMyData(client, { signal }),
    staleTime: 0,
    gcTime: 0,
  });
}

export function exportFileName(exportedAt: string): string {
  return `tally-my-data-${exportedAt.slice(0, 10)}.json`;
}

/** Fetches the export when asked (a button, not on page load) and saves it as a `.json` file. */
export function useDownloadMyData() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => queryClient.fetchQuery(myDataQueryOptions(client)),
    onSuccess: (data) => saveJsonFile(exportFileName(data.exportedAt), data),
    gcTime: 0,
  });
}
