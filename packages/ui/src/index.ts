export {
  ApiError,
  createApiClient,
  isApiError,
  type ApiClient,
  type ApiClientOptions,
  type ApiErrorCode,
  type ApiErrorInit,
  type ClientErrorCode,
  type RequestOptions,
} from './api-client.js';
export { HealthStatus, formatUptime, type HealthStatusProps } from './health-status.js';
