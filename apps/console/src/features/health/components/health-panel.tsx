import { HealthStatus } from '@tally/ui';
import { useHealth } from '../api/get-health';

export function HealthPanel() {
  return <HealthStatus query={useHealth()} title="Service status" />;
}
