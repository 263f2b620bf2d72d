import { useId, useState } from 'react';
import { api } from '../api/client.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useResource } from '../components/use-resource.js';
import { format, useMessages } from '../i18n/messages.js';
import { CodeBlock } from './CodeBlock.js';
import { developersMessages } from './developers-messages.js';
import {
  endpointsByTag,
  matches,
  resolveRef,
  type ApiDocument,
  type Auth,
  type Endpoint,
  type ResponseObject,
} from './openapi.js';
import { SchemaTree } from './SchemaTree.js';

type Texts = Record<keyof (typeof developersMessages)['fr'], string>;

const ERROR_EXAMPLE = `{
  "error": {
    "message": "the model \\"x\\" is not available to this application",
    "type": "invalid_request_error",
    "code": "model_not_found",
    "param": "model"
  }
}`;

const AUTHS: Auth[] = ['api_key', 'staff_token', 'session', 'admin_token', 'public'];
const STATUSES = ['400', '401', '403', '404', '429', 'default'] as const;

const anchorOf = (endpoint: Endpoint) => `op-${endpoint.operation.operationId}`;

/** The operation named in the address (`#op-createChatCompletion`), else chat completions, else the first. */
function initialSelection(): string {
  const hash = globalThis.location?.hash.slice(1) ?? '';
  return hash.startsWith('op-') ? hash.slice(3) : 'createChatCompletion';
}

/** The API reference, drawn from the server's own OpenAPI description: operations by tag, searchable. */
export function ApiReference() {
  const t = useMessages(developersMessages);
  const document = useResource(() => api<ApiDocument>('/openapi.json', { bearer: null }), []);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(initialSelection);
  const searchId = useId();

  if (!document.data) {
    return (
      <>
        <ErrorMessage error={document.error} />
        {document.loading && <p aria-live="polite">{t.loading}</p>}
      </>
    );
  }
  const groups = endpointsByTag(document.data)
    .map(([tag, endpoints]) => [tag, endpoints.filter((e) => matches(e, query))] as const)
    .filter(([, endpoints]) => endpoints.length > 0);
  const shown = groups.flatMap(([, endpoints]) => endpoints);
  const all = endpointsByTag(document.data).flatMap(([, endpoints]) => endpoints);
  const current = all.find((e) => e.operation.operationId === selected) ?? all[0];

  const choose = (endpoint: Endpoint) => {
    setSelected(endpoint.operation.operationId);
    history.replaceState(null, '', `#${anchorOf(endpoint)}`);
    // On a phone the operation is below the list: bring it into view, and give it focus for screen readers.
    requestAnimationFrame(() => globalThis.document.getElementById('operation-title')?.focus());
  };

  return (
    <div className="stack">
      <AuthAndErrors />
      <div className="api-reference">
        <nav className="api-index card" aria-label={t.operations}>
          <h2 className="visually-hidden">{t.operations}</h2>
          <label className="field" htmlFor={searchId}>
            <span>{t.search}</span>
            <input
              id={searchId}
              type="search"
              value={query}
              placeholder="chat, /v1/models, POST…"
              onChange={(event) => setQuery(event.target.value)}
            />
          </label>
          <p className="muted" aria-live="polite">
            {format(t.operationCount, { n: shown.length })}
          </p>
          {groups.map(([tag, endpoints]) => (
            <section key={tag} aria-label={tag}>
              <h3 lang="en">{tag}</h3>
              <ul className="api-index-list">
                {endpoints.map((endpoint) => (
                  <li key={anchorOf(endpoint)}>
                    <a
                      href={`#${anchorOf(endpoint)}`}
                      aria-current={endpoint === current ? 'true' : undefined}
                      onClick={(event) => {
                        event.preventDefault();
                        choose(endpoint);
                      }}
                    >
                      <span className={`method method-${endpoint.method.toLowerCase()}`}>
                        {endpoint.method}
                      </span>{' '}
                      <code dir="ltr">{endpoint.path}</code>
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </nav>
        {current && <OperationDetail document={document.data} endpoint={current} />}
      </div>
    </div>
  );
}

/** Who may call the API, and the one shape every error takes. */
function AuthAndErrors() {
  const t = useMessages(developersMessages);
  return (
    <div className="columns">
      <section className="card stack" aria-labelledby="dev-auth">
        <h2 id="dev-auth">{t.authTitle}</h2>
        <dl className="dev-facts">
          {AUTHS.map((auth) => (
            <div key={auth}>
              <dt>{t[`auth_${auth}`]}</dt>
              <dd>{t[`authHelp_${auth}`]}</dd>
            </div>
          ))}
        </dl>
        <p className="muted">{t.authHeader}</p>
      </section>
      <section className="card stack" aria-labelledby="dev-errors">
        <h2 id="dev-errors">{t.errorsTitle}</h2>
        <p>{t.errorsIntro}</p>
        <CodeBlock code={ERROR_EXAMPLE} label={t.errorsTitle} />
      </section>
    </div>
  );
}

function OperationDetail({ document, endpoint }: { document: ApiDocument; endpoint: Endpoint }) {
  const t = useMessages(developersMessages);
  const { operation } = endpoint;
  const body = operation.requestBody?.content['application/json']?.schema;
  const parameters = operation.parameters ?? [];
  return (
    <article className="card stack api-operation" id={anchorOf(endpoint)} aria-labelledby="operation-title">
      <h2 id="operation-title" tabIndex={-1} className="api-operation-title" dir="ltr">
        <span className={`method method-${endpoint.method.toLowerCase()}`}>{endpoint.method}</span>{' '}
        <code>{endpoint.path}</code>
      </h2>
      <p lang="en">
        <strong>{operation.summary}</strong>
      </p>
      {operation.description && <p lang="en">{operation.description}</p>}

      <section aria-labelledby="operation-auth">
        <h3 id="operation-auth">{t.authTitle}</h3>
        <ul>
          {operation['x-mizan-auth'].map((auth) => (
            <li key={auth}>
              <strong>{t[`auth_${auth}`] ?? auth}</strong> — {t[`authHelp_${auth}`] ?? ''}
            </li>
          ))}
        </ul>
      </section>

      {parameters.length > 0 && (
        <section aria-labelledby="operation-parameters">
          <h3 id="operation-parameters">{t.parameters}</h3>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.name}</th>
                  <th scope="col">{t.location}</th>
                  <th scope="col">{t.type}</th>
                  <th scope="col">{t.description}</th>
                </tr>
              </thead>
              <tbody>
                {parameters.map((parameter) => (
                  <tr key={`${parameter.in}-${parameter.name}`}>
                    <td>
                      <code dir="ltr">{parameter.name}</code>{' '}
                      {parameter.required && <span className="badge badge-warn">{t.required}</span>}
                    </td>
                    <td>{parameter.in === 'path' ? t.inPath : t.inQuery}</td>
                    <td dir="ltr">
                      <code>{parameter.schema.type ?? 'string'}</code>
                      {parameter.schema.enum && (
                        <> ({parameter.schema.enum.map((v) => JSON.stringify(v)).join(', ')})</>
                      )}
                    </td>
                    <td lang="en">{parameter.description ?? parameter.schema.description ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {body && (
        <section aria-labelledby="operation-body" data-testid="request-body">
          <h3 id="operation-body">{t.requestBody}</h3>
          <p className="muted">
            <code dir="ltr">application/json</code>
          </p>
          <SchemaTree document={document} schema={body} />
        </section>
      )}

      <Responses document={document} responses={operation.responses} t={t} />
    </article>
  );
}

function Responses({
  document,
  responses,
  t,
}: {
  document: ApiDocument;
  responses: Record<string, ResponseObject>;
  t: Texts;
}) {
  const entries = Object.entries(responses);
  const successes = entries.filter(([status]) => /^[23]/.test(status));
  const failures = STATUSES.filter((status) => responses[status]);
  return (
    <section aria-labelledby="operation-responses">
      <h3 id="operation-responses">{t.responses}</h3>
      <ul className="stack">
        {successes.map(([status, response]) => {
          const resolved = response.$ref ? resolveRef<ResponseObject>(document, response.$ref) : response;
          const types = Object.keys(resolved?.content ?? {});
          const schema = resolved?.content?.['application/json']?.schema;
          return (
            <li key={status}>
              <span className="badge badge-ok" dir="ltr">
                {status}
              </span>{' '}
              <span lang="en">{resolved?.description}</span>{' '}
              {types.map((type) => (
                <code key={type} className="muted" dir="ltr">
                  {type}{' '}
                </code>
              ))}
              {schema?.$ref && (
                <details className="schema-nested">
                  <summary>{t.responseFields}</summary>
                  <SchemaTree document={document} schema={schema} />
                </details>
              )}
            </li>
          );
        })}
      </ul>
      {failures.length > 0 && (
        <>
          <p>{t.errorStatuses}</p>
          <ul>
            {failures.map((status) => (
              <li key={status}>
                <span className="badge badge-danger" dir="ltr">
                  {status === 'default' ? '5xx' : status}
                </span>{' '}
                {t[`status_${status}`]}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
