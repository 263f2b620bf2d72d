import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage.js';

/**
 * A list loaded from the server: its refusal, a note when there is nothing in it, and one `<li>` an item (`children`
 * renders the item's `<li>`, with its key).
 */
export function ResourceList<T>({
  resource,
  empty,
  children,
}: {
  resource: { data: readonly T[] | undefined; error: unknown };
  empty: string;
  children(item: T): ReactNode;
}) {
  return (
    <>
      <ErrorMessage error={resource.error} />
      {resource.data?.length === 0 && <p className="muted">{empty}</p>}
      <ul className="plain-list stack">{resource.data?.map(children)}</ul>
    </>
  );
}
