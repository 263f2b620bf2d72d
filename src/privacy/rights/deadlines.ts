const DAY_MS = 86_400_000;

/**
 * When a request received at `receivedAt` must be answered: `days` calendar days later (Law 09-08 art. 8 gives
 * 10 days; whether working days are meant is not settled, so the stricter reading is used).
 */
export const dueDate = (receivedAt: Date, days: number): Date =>
  new Date(receivedAt.getTime() + days * DAY_MS);

/** The latest deadline whose open requests are notified at `now`: those due within `alertBeforeDays`. */
export const alertHorizon = (now: Date, alertBeforeDays: number): Date =>
  new Date(now.getTime() + alertBeforeDays * DAY_MS);

/** The oldest creation time an application's retention of `days` keeps at `now`. */
export const retentionCutoff = (now: Date, days: number): Date => new Date(now.getTime() - days * DAY_MS);
