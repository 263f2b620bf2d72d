import { useState, type FormEvent } from 'react';

/** A form's submission: runs `action`, keeps the server's refusal to show in place and whether it is under way. */
export function useSubmit(action: () => Promise<unknown>) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return { onSubmit, error, busy };
}
