/**
 * Checks on rendered Kubernetes manifests: each object against the Kubernetes API schema (validators compiled
 * from the official OpenAPI definitions, shipped in the npm package kubernetes-models: nothing is downloaded),
 * then the wiring a schema cannot see: Services and NetworkPolicies that select no pod, references to
 * ConfigMaps, Secrets and scale targets that are not rendered, containers without limits or a hardened context.
 */

export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  [field: string]: unknown;
}

interface Validatable {
  validate(): void;
}
type ModelClass = new (data: unknown) => Validatable;

/** `apps/v1` + `Deployment` → kubernetes-models/apps/v1/Deployment; the core group is `v1`. */
async function modelFor(object: KubernetesObject): Promise<ModelClass | undefined> {
  try {
    const module = (await import(`kubernetes-models/${object.apiVersion}/${object.kind}`)) as Record<
      string,
      ModelClass
    >;
    return module[object.kind];
  } catch {
    return undefined;
  }
}

const nameOf = (o: KubernetesObject) => `${o.kind}/${o.metadata.name}`;

export async function schemaProblems(objects: readonly KubernetesObject[]): Promise<string[]> {
  const problems: string[] = [];
  for (const object of objects) {
    const Model = await modelFor(object);
    if (!Model) {
      problems.push(`${nameOf(object)}: no schema for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (error) {
      problems.push(`${nameOf(object)}: ${(error as Error).message}`);
    }
  }
  return problems;
}

interface PodTemplate {
  owner: KubernetesObject;
  labels: Record<string, string>;
  spec: PodSpec;
}
interface Container {
  name: string;
  resources?: { limits?: Record<string, unknown> };
  securityContext?: { allowPrivilegeEscalation?: boolean };
  env?: Array<{ valueFrom?: { secretKeyRef?: { name: string }; configMapKeyRef?: { name: string } } }>;
}
interface PodSpec {
  containers: Container[];
  volumes?: Array<{
    configMap?: { name: string };
    secret?: { secretName: string };
    persistentVolumeClaim?: { claimName: string };
  }>;
}

function podTemplates(objects: readonly KubernetesObject[]): PodTemplate[] {
  return objects.flatMap((owner) => {
    const template = (owner.spec?.template ?? undefined) as
      { metadata?: { labels?: Record<string, string> }; spec?: PodSpec } | undefined;
    return template?.spec ? [{ owner, labels: template.metadata?.labels ?? {}, spec: template.spec }] : [];
  });
}

const selects = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);

export function wiringProblems(objects: readonly KubernetesObject[]): string[] {
  const problems: string[] = [];
  const pods = podTemplates(objects);
  const exists = (kind: string, name: string) =>
    objects.some((o) => o.kind === kind && o.metadata.name === name);
  const claims = new Set(
    objects.flatMap((o) => {
      const templates = (o.spec?.volumeClaimTemplates ?? []) as Array<{ metadata: { name: string } }>;
      return templates.map((t) => t.metadata.name);
    }),
  );

  for (const object of objects) {
    if (object.kind === 'Service') {
      const selector = (object.spec?.selector ?? {}) as Record<string, string>;
      if (!pods.some((pod) => selects(selector, pod.labels))) {
        problems.push(`${nameOf(object)}: its selector matches no pod`);
      }
    }
    if (object.kind === 'NetworkPolicy') {
      const selector = ((object.spec?.podSelector ?? {}) as { matchLabels?: Record<string, string> })
        .matchLabels;
      if (selector && !pods.some((pod) => selects(selector, pod.labels))) {
        problems.push(`${nameOf(object)}: its podSelector matches no pod`);
      }
    }
    if (object.kind === 'HorizontalPodAutoscaler') {
      const target = object.spec?.scaleTargetRef as { kind: string; name: string };
      if (!exists(target.kind, target.name))
        problems.push(`${nameOf(object)}: scales a missing ${target.kind}`);
    }
  }

  for (const { owner, spec } of pods) {
    for (const volume of spec.volumes ?? []) {
      if (volume.configMap && !exists('ConfigMap', volume.configMap.name)) {
        problems.push(`${nameOf(owner)}: mounts a missing ConfigMap ${volume.configMap.name}`);
      }
      if (volume.secret && !exists('Secret', volume.secret.secretName)) {
        problems.push(`${nameOf(owner)}: mounts a missing Secret ${volume.secret.secretName}`);
      }
      const claim = volume.persistentVolumeClaim?.claimName;
      if (claim && !exists('PersistentVolumeClaim', claim) && !claims.has(claim)) {
        problems.push(`${nameOf(owner)}: mounts a missing PersistentVolumeClaim ${claim}`);
      }
    }
    for (const container of spec.containers) {
      const where = `${nameOf(owner)} container ${container.name}`;
      if (!container.resources?.limits?.memory) problems.push(`${where}: no memory limit`);
      if (container.securityContext?.allowPrivilegeEscalation !== false) {
        problems.push(`${where}: allowPrivilegeEscalation is not false`);
      }
      for (const variable of container.env ?? []) {
        const secret = variable.valueFrom?.secretKeyRef?.name;
        if (secret && !exists('Secret', secret)) problems.push(`${where}: reads a missing Secret ${secret}`);
        const configMap = variable.valueFrom?.configMapKeyRef?.name;
        if (configMap && !exists('ConfigMap', configMap)) {
          problems.push(`${where}: reads a missing ConfigMap ${configMap}`);
        }
      }
    }
  }
  return problems;
}
