/**
 * The automatic breaker: a model that fails `failures` times within `windowMs`, with no success in between, is
 * tripped once (its failures are forgotten), and `trip` suspends it through the kill switch and notifies. A client
 * that went away is not the model's failure.
 */
export function createModelBreaker(options: {
  failures: number;
  windowMs: number;
  trip: (modelId: string, failures: number) => void;
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  const recent = new Map<string, number[]>();
  return {
    record(modelId: string, outcome: string) {
      if (options.failures === 0 || outcome === 'request_cancelled') return;
      if (outcome === 'ok') {
        recent.delete(modelId);
        return;
      }
      const t = now();
      const failures = (recent.get(modelId) ?? []).filter((at) => t - at < options.windowMs);
      failures.push(t);
      if (failures.length >= options.failures) {
        recent.delete(modelId);
        options.trip(modelId, failures.length);
      } else recent.set(modelId, failures);
    },
  };
}
