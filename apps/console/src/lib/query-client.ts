import { createQueryClient } from '@tally/ui';
import { apiClient } from './api-client';

export const queryClient = createQueryClient(apiClient);
