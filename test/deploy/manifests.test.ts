import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/load.js';
import {
  schemaProblems,
  wiringProblems,
  type KubernetesObject,
} from '../../scripts/deploy/manifest-checks.js';
import { renderOverlay } from '../../scripts/deploy/render-overlay.js';

const OVERLAYS = 'deploy/kubernetes/overlays';

function kubectlMissing(): string | undefined {
  try {
    execFileSync(process.env.KUBECTL ?? 'kubectl', ['version', '--client'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'kubectl is not installed (CI installs Debian’s kubernetes-client)';
  }
}

describe('Kubernetes overlays rendered by kubectl kustomize', { skip: kubectlMissing() }, () => {
  for (const overlay of readdirSync(OVERLAYS)) {
    it(`${overlay}: every object matches its Kubernetes schema and is wired to the others`, async () => {
      const objects = renderOverlay(join(OVERLAYS, overlay));
      assert.deepEqual([...(await schemaProblems(objects)), ...wiringProblems(objects)], []);
      const kinds = new Set(objects.map((o) => o.kind));
      for (const kind of [
        'Deployment',
        'Service',
        'HorizontalPodAutoscaler',
        'NetworkPolicy',
        'Job',
        'ConfigMap',
      ]) {
        assert.ok(kinds.has(kind), `${overlay} renders no ${kind}`);
      }
    });

    it(`${overlay}: the gateway's ConfigMap is a Mizan configuration that loads`, () => {
      const objects = renderOverlay(join(OVERLAYS, overlay));
      const configMap = objects.find(
        (o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('mizan-config'),
      );
      const document = (configMap?.data as Record<string, string> | undefined)?.['mizan.yaml'];
      assert.ok(document);
      const { config } = loadConfig({ document: parse(document) as Record<string, unknown>, env: {} });
      assert.ok(config.models.some((m) => m.provider === 'vllm'));
    });
  }
});

describe('manifest checks', () => {
  const deployment = (replicas: unknown): KubernetesObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [{ name: 'web', image: 'web:1' }],
          volumes: [{ name: 'c', configMap: { name: 'absent' } }],
        },
      },
    },
  });

  it('report an object that breaks its schema', async () => {
    const problems = await schemaProblems([deployment('two')]);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /Deployment\/web: .*replicas must be integer/);
  });

  it('report a Service that selects no pod, a missing ConfigMap and an unhardened container', () => {
    const service: KubernetesObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'wbe' } },
    };
    assert.deepEqual(wiringProblems([deployment(1), service]), [
      'Service/web: its selector matches no pod',
      'Deployment/web: mounts a missing ConfigMap absent',
      'Deployment/web container web: no memory limit',
      'Deployment/web container web: allowPrivilegeEscalation is not false',
    ]);
  });
});
