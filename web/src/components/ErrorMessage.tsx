import { ApiError } from '../api/client.js';

/** An error as the server explained it (its message, and its code for whoever reports it), announced at once. */
export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : undefined;
  return (
    <p className="alert alert-error" role="alert">
      {message}
      {code && (
        <>
          {' '}
          <code className="muted">({code})</code>
        </>
      )}
    </p>
  );
}
