import { useState } from 'react';
import { useMessages } from '../i18n/messages.js';
import { developersMessages } from './developers-messages.js';

/**
 * Code or JSON, left to right even on an Arabic page, scrolling inside itself on a narrow screen, with a copy
 * button (the clipboard needs a secure context and the person's leave: when refused, it says to copy by hand).
 */
export function CodeBlock({ code, label, copy = true }: { code: string; label: string; copy?: boolean }) {
  const t = useMessages(developersMessages);
  const [status, setStatus] = useState<'copied' | 'failed' | undefined>();
  const copyCode = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  };
  return (
    <div className="code-block">
      <pre dir="ltr" tabIndex={0} aria-label={label}>
        <code>{code}</code>
      </pre>
      {copy && (
        <div className="row">
          <button type="button" onClick={copyCode} aria-label={`${t.copy} — ${label}`}>
            {t.copy}
          </button>
          <span role="status" className={status === 'failed' ? 'alert-text-error' : 'muted'}>
            {status === 'copied' ? t.copied : status === 'failed' ? t.copyFailed : ''}
          </span>
        </div>
      )}
    </div>
  );
}
