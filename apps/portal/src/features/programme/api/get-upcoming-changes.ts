import { type UpcomingChange, UpcomingChangesSchema } from '@tally/domain';
import { useApiClient } from '@tally/ui';
import { useQuery } from '@tanstack/react-query';

/** `GET /api/v1/programme/upcoming`: announced changes not yet in effect; public. */
export function useUpcomingChanges() {
  const client = useApiClient();
  return useQuery({
    queryKey: ['programme', 'upcoming'] as const,
    queryFn: ({ signal }): Promise<UpcomingChange[]> =>
      client.get('/api/v1/programme/upcoming', UpcomingChangesSchema, { signal }),
    staleTime: 60_000,
  });
}
