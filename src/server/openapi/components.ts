/**
 * The answer shapes the API description names, written as JSON Schema (2020-12, as OpenAPI 3.1 takes it). Requests
 * are described from the zod schemas the routes validate with; answers are built in code, so their main shapes are
 * described here.
 */

const string = { type: 'string' } as const;
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });

const hosting = {
  type: 'object',
  description: 'Who runs the model and where; `sovereign`: under Moroccan jurisdiction.',
  properties: {
    operator: string,
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
    sovereign: { type: 'boolean' },
  },
  required: ['operator', 'country', 'sovereign'],
};

export const COMPONENT_SCHEMAS: Record<string, object> = {
  Error: {
    type: 'object',
    description:
      'Every error, in OpenAI’s shape: `code` is stable and machine-readable, `param` names the field.',
    properties: {
      error: {
        type: 'object',
        properties: {
          message: string,
          type: {
            type: 'string',
            enum: [
              'invalid_request_error',
              'authentication_error',
              'permission_error',
              'not_found_error',
              'rate_limit_error',
              'guard_blocked',
              'upstream_error',
              'server_error',
            ],
          },
          code: nullable(string),
          param: nullable(string),
        },
        required: ['message', 'type', 'code', 'param'],
      },
    },
    required: ['error'],
  },
  Hosting: hosting,
  MizanExtension: {
    type: 'object',
    description:
      'Added by Mizan to every answer: what a citizen, a developer or an auditor needs to trust it. Ignored by ' +
      'OpenAI clients, which keep it on the answer object.',
    properties: {
      audit_id: { type: 'string', description: 'The record of this flow in the verifiable audit log.' },
      language: { ...nullable(string), description: 'The language detected, e.g. `ary_Arab` (Darija).' },
      citations: {
        type: 'array',
        description: 'Passages of the governed corpus the answer cites, with publisher, version and link.',
        items: { type: 'object' },
      },
      grounding: {
        description: 'Whether each sentence is supported by the passage it cites; null without sources.',
      },
      privacy: {
        type: 'object',
        description:
          'What the privacy layer did: counts per data type and operator, and the transfer decision.',
      },
      review: {
        description: 'Set when the answer waits for a person: poll `GET /v1/reviews/{case_id}`.',
        ...nullable({
          type: 'object',
          properties: { status: { const: 'pending' }, case_id: string, expected_by: string },
        }),
      },
      oversight: {
        description: 'The application’s risk tier; `sandbox`: the key is a sandbox’s (synthetic data only).',
        ...nullable({
          type: 'object',
          properties: {
            risk_tier: string,
            sandbox: { type: 'boolean' },
            ai_label: { type: 'boolean' },
            notice: nullable(string),
            flags: { type: 'array', items: string },
          },
        }),
      },
      guard: {
        type: 'object',
        description: 'The guard’s decision on request and answer, with reason codes (never the words).',
        properties: { decision: string, reasons: { type: 'array', items: { type: 'object' } } },
      },
      model: {
        description: 'The model that answered and where it runs; null when the guard answered itself.',
        ...nullable({
          type: 'object',
          properties: { id: string, provider: string, hosting: { $ref: '#/components/schemas/Hosting' } },
        }),
      },
    },
    required: ['audit_id', 'citations', 'guard'],
  },
  ChatCompletion: {
    type: 'object',
    description: 'OpenAI’s chat completion, plus `mizan`.',
    properties: {
      id: string,
      object: { const: 'chat.completion' },
      created: { type: 'integer' },
      model: string,
      choices: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            index: { type: 'integer' },
            message: { type: 'object', properties: { role: string, content: nullable(string) } },
            finish_reason: nullable(string),
          },
        },
      },
      usage: { type: 'object' },
      mizan: { $ref: '#/components/schemas/MizanExtension' },
    },
    required: ['id', 'object', 'model', 'choices', 'mizan'],
  },
  Model: {
    type: 'object',
    properties: {
      id: string,
      object: { const: 'model' },
      owned_by: string,
      mizan: {
        type: 'object',
        properties: {
          kind: { enum: ['chat', 'embedding'] },
          hosting: { $ref: '#/components/schemas/Hosting' },
          licence: string,
          languages: { type: 'array', items: string },
          approved_for: { type: 'array', items: string },
        },
      },
    },
    required: ['id', 'object'],
  },
  ModelList: {
    type: 'object',
    properties: {
      object: { const: 'list' },
      data: { type: 'array', items: { $ref: '#/components/schemas/Model' } },
    },
    required: ['object', 'data'],
  },
  PublicSystem: {
    type: 'object',
    description: 'An AI system in use, as the public register shows it.',
    properties: {
      id: { type: 'string', description: 'A stable public id.' },
      name: string,
      administration: string,
      demo: { type: 'boolean' },
      purpose: { type: 'object' },
      cndp_formality: { type: 'object' },
      risk_tier: nullable(string),
      human_oversight: nullable({ type: 'object' }),
      models: {
        type: 'array',
        items: {
          type: 'object',
          properties: { id: string, licence: string, hosting: { $ref: '#/components/schemas/Hosting' } },
        },
      },
      data_categories: {
        type: 'object',
        properties: {
          identifiers: { type: 'array', items: string },
          sensitive: { type: 'array', items: string },
        },
      },
      dpo: { type: 'object', properties: { email: string, phone: nullable(string) } },
      rights: { $ref: '#/components/schemas/PublicRights' },
    },
    required: ['id', 'name', 'administration', 'risk_tier', 'models', 'data_categories'],
  },
  PublicRights: {
    type: 'object',
    description: 'How to exercise one’s rights (Law 09-08 art. 7-9), and where to complain (the CNDP).',
    properties: {
      kinds: { type: 'array', items: { enum: ['access', 'rectification', 'opposition', 'erasure'] } },
      deadline_days: { type: 'integer' },
      file: { type: 'object' },
      follow: { type: 'object' },
      authority: { type: 'object', properties: { name: string, acronym: string, url: string } },
    },
  },
  PublicRegister: {
    type: 'object',
    properties: {
      object: { const: 'list' },
      data: { type: 'array', items: { $ref: '#/components/schemas/PublicSystem' } },
      rights: { $ref: '#/components/schemas/PublicRights' },
    },
    required: ['object', 'data', 'rights'],
  },
};
