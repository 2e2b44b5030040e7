import { TokenSchema } from '@tally/domain';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';

/** The single-use token of an emailed link (`?token=…`), or null when it is missing or malformed. */
export function useLinkToken(): string | null {
  const [params] = useSearchParams();
  const parsed = TokenSchema.safeParse(params.get('token') ?? '');
  return parsed.success ? parsed.data : null;
}

export function BrokenLink({ children }: { children?: ReactNode }) {
  return (
    <div role="alert" className="tally-state tally-state--error">
      <p>
        <strong>This link is incomplete.</strong> Open the link from the email again, or copy all of it into
        the address bar.
      </p>
      {children}
    </div>
  );
}
