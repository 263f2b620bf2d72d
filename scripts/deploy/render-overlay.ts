import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import type { KubernetesObject } from './manifest-checks.js';

/** The objects `kubectl kustomize` renders for an overlay; KUBECTL names another kubectl binary. */
export function renderOverlay(
  overlay: string,
  kubectl = process.env.KUBECTL ?? 'kubectl',
): KubernetesObject[] {
  // stderr is dropped: newer kustomize warns there about the v2-era fields kept for Debian's kubectl.
  const output = execFileSync(kubectl, ['kustomize', overlay], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return parseAllDocuments(output)
    .map((document) => document.toJS() as KubernetesObject | null)
    .filter((object): object is KubernetesObject => object !== null);
}
