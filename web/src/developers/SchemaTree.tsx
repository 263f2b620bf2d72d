import { format, useMessages } from '../i18n/messages.js';
import { developersMessages } from './developers-messages.js';
import {
  childrenOf,
  constraints,
  readable,
  typeLabel,
  type ApiDocument,
  type JsonSchema,
  type ReadableSchema,
} from './openapi.js';

/** Deep enough for every request of the API; stops a self-referencing schema from unfolding forever. */
const MAX_DEPTH = 8;

interface TreeProps {
  document: ApiDocument;
  schema: JsonSchema;
  seen?: ReadonlySet<string>;
  depth?: number;
}

const withRef = (seen: ReadonlySet<string>, schema: JsonSchema) =>
  schema.$ref ? new Set([...seen, schema.$ref]) : seen;

const hasChildren = (view: ReadableSchema) =>
  Boolean(view.variants?.length) ||
  Object.keys(view.schema.properties ?? {}).length > 0 ||
  typeof view.schema.additionalProperties === 'object';

/**
 * A JSON Schema as a readable tree: each field with its type, whether it is required, its allowed values and its
 * description; objects, arrays of objects and alternatives (`oneOf` / `anyOf`) open on demand.
 */
export function SchemaTree({ document, schema, seen = new Set(), depth = 0 }: TreeProps) {
  const t = useMessages(developersMessages);
  const view = childrenOf(document, schema, seen);
  const inner = withRef(seen, schema);
  if (depth > MAX_DEPTH) return null;

  if (view.variants) {
    return (
      <div className="schema-variants">
        <p className="muted">{t.oneOf}</p>
        <ol>
          {view.variants.map((variant, index) => (
            <li key={index}>
              <span className="schema-variant-label">
                {format(t.variant, { n: index + 1 })}{' '}
                <code dir="ltr">{typeLabel(document, variant, inner)}</code>
                <Discriminator document={document} schema={variant} />
              </span>
              <SchemaTree document={document} schema={variant} seen={inner} depth={depth + 1} />
            </li>
          ))}
        </ol>
      </div>
    );
  }

  const properties = Object.entries(view.schema.properties ?? {});
  const required = new Set(view.schema.required ?? []);
  const extra = view.schema.additionalProperties;
  if (properties.length === 0 && typeof extra !== 'object') return null;
  return (
    <ul className="schema-tree">
      {properties.map(([name, property]) => (
        <Field
          key={name}
          name={name}
          required={required.has(name)}
          document={document}
          schema={property}
          seen={inner}
          depth={depth}
        />
      ))}
      {typeof extra === 'object' && (
        <Field
          name={t.anyKey}
          document={document}
          schema={extra}
          seen={inner}
          depth={depth}
          required={false}
        />
      )}
    </ul>
  );
}

/** The constant field that tells alternatives apart (`role: "system"`), when there is one. */
function Discriminator({ document, schema }: { document: ApiDocument; schema: JsonSchema }) {
  const view = readable(document, schema);
  const constant = Object.entries(view.schema.properties ?? {}).find(([, p]) => p.const !== undefined);
  if (!constant) return null;
  return (
    <>
      {' '}
      <code dir="ltr">
        {constant[0]}: {JSON.stringify(constant[1].const)}
      </code>
    </>
  );
}

function Field({ name, required, ...tree }: TreeProps & { name: string; required: boolean }) {
  const t = useMessages(developersMessages);
  const { document, schema, seen = new Set(), depth = 0 } = tree;
  const view = readable(document, schema, seen);
  const values = view.schema.enum;
  const details = constraints(view.schema);
  const nested = childrenOf(document, schema, seen);
  const opens = hasChildren(nested);
  return (
    <li className="schema-field" data-field={name}>
      <div className="schema-line" dir="ltr">
        <code className="schema-name">{name}</code>{' '}
        <code className="schema-type">{typeLabel(document, schema, seen)}</code>
        {view.nullable && <code className="muted"> | null</code>}
      </div>
      <div className="row schema-flags">
        {required ? (
          <span className="badge badge-warn">{t.required}</span>
        ) : (
          <span className="muted">{t.optional}</span>
        )}
        {details.length > 0 && (
          <span className="muted" dir="ltr">
            {details.join(', ')}
          </span>
        )}
        {view.schema.default !== undefined && (
          <span className="muted">
            {t.defaultValue} <code dir="ltr">{JSON.stringify(view.schema.default)}</code>
          </span>
        )}
      </div>
      {values && (
        <p className="schema-enum">
          {t.allowedValues}{' '}
          {values.map((value) => (
            <code key={String(value)} dir="ltr">
              {JSON.stringify(value)}
            </code>
          ))}
        </p>
      )}
      {view.schema.description && (
        // The API's own descriptions are written in English.
        <p className="schema-description" lang="en">
          {view.schema.description}
        </p>
      )}
      {opens && (
        <details className="schema-nested">
          <summary>{format(t.showFields, { name })}</summary>
          <SchemaTree {...tree} depth={depth + 1} />
        </details>
      )}
    </li>
  );
}
