import { HealthStatus, useHealth } from '@tally/ui';

export function HealthPanel() {
  return <HealthStatus query={useHealth()} title="Service status" />;
}
