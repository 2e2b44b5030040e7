export {
  ApiError,
  NoContentSchema,
  createApiClient,
  isApiError,
  pathWithQuery,
  type ApiClient,
  type ApiClientOptions,
  type ApiErrorCode,
  type ApiErrorInit,
  type ClientErrorCode,
  type RequestOptions,
  type SessionRenewalOptions,
} from './api-client.js';
export {
  ApiClientProvider,
  AppProviders,
  useApiClient,
  type AppProvidersProps,
} from './api-client-context.js';
export { createQueryClient, shouldRetry } from './query-client.js';
export { createSessionTracker, type SessionTracker } from './session/session-tracker.js';

export { AUTH_PATHS, createTallyApiClient, type TallyApp } from './auth/tally-api-client.js';
export { SESSION_QUERY_KEY, applySignedIn, applySignedOut } from './auth/session-cache.js';
export { getSession, sessionQueryOptions, useSession } from './auth/api/get-session.js';
export { SignedInSchema, login, useLogin } from './auth/api/login.js';
export { logout, useLogout } from './auth/api/logout.js';
export {
  requestPasswordReset,
  useRequestPasswordReset,
  type Accepted,
} from './auth/api/request-password-reset.js';
export { confirmPasswordReset, useConfirmPasswordReset } from './auth/api/confirm-password-reset.js';
export { RequireSession, returnPath, type SignInState } from './auth/components/require-session.js';
export { SignInPage, type SignInPageProps } from './auth/components/sign-in-page.js';
export { ForgotPasswordPage } from './auth/components/forgot-password-page.js';
export { ResetPasswordPage } from './auth/components/reset-password-page.js';
export { BrokenLink, useLinkToken } from './auth/components/link-token.js';
export { SignOutButton } from './auth/components/sign-out-button.js';

export {
  fieldMessage,
  issuesToFieldErrors,
  sortFieldErrors,
  type SortedErrors,
} from './forms/field-errors.js';
export {
  useForm,
  type FieldName,
  type FieldValue,
  type FormState,
  type FormValues,
  type UseFormOptions,
} from './forms/use-form.js';
export {
  CheckboxField,
  CheckboxGroupField,
  NewPasswordField,
  SelectField,
  TextAreaField,
  TextField,
  type CheckboxFieldProps,
  type CheckboxGroupFieldProps,
  type Option,
  type SelectFieldProps,
  type TextAreaFieldProps,
  type TextFieldProps,
} from './forms/fields.js';
export { ErrorSummary, Form, SubmitButton, type FormProps, type SubmitButtonProps } from './forms/form.js';

export { AppShell, type AppShellProps, type NavItem } from './page/app-shell.js';
export { Page, type PageProps } from './page/page.js';
export { Section } from './page/section.js';
export { DataTable, type Column, type DataTableProps } from './page/data-table.js';
export { PagedList, type PagedListProps } from './page/paged-list.js';
export {
  EmptyState,
  ErrorState,
  LoadingState,
  QueryState,
  type ErrorStateProps,
  type QueryStateProps,
} from './page/states.js';

export {
  DateTime,
  formatAmount,
  formatDate,
  formatDateTime,
  formatPoints,
  formatPointsChange,
} from './format.js';
export { saveJsonFile } from './download.js';
export { useSettled } from './use-settled.js';
export { HealthStatus, formatUptime, type HealthStatusProps } from './health/health-status.js';
export { getHealth, healthQueryOptions, useHealth } from './health/get-health.js';
