import type { Logger } from '../observability/logger.js';

/** What oversight tells the people on duty: ids and codes only, never content. */
export interface Notice {
  type: 'review.escalated' | 'model.suspended' | 'rights.request_due';
  [field: string]: string | number | boolean | null;
}

export interface Notifier {
  notify(notice: Notice): Promise<void>;
}

const WEBHOOK_TIMEOUT_MS = 5_000;

/**
 * Logs every notice and, when a webhook is configured, posts it there as JSON (a chat room, an on-call system).
 * A webhook that fails is logged and never fails the decision it reports.
 */
export function createNotifier(options: { logger: Logger; webhookUrl?: string | undefined }): Notifier {
  return {
    async notify(notice) {
      options.logger.warn({ notice }, 'oversight notice');
      if (!options.webhookUrl) return;
      try {
        const response = await fetch(options.webhookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(notice),
          signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        });
        if (!response.ok)
          options.logger.error({ status: response.status, type: notice.type }, 'notice webhook refused');
      } catch (error) {
        options.logger.error({ type: notice.type, err: (error as Error).message }, 'notice webhook failed');
      }
    },
  };
}
