/** The little of `oidc-provider` (which ships no types) that the sign-in tests use. */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface Account {
    accountId: string;
    claims(): Promise<Record<string, unknown>>;
  }

  export default class Provider {
    constructor(
      issuer: string,
      configuration: {
        clients: Array<Record<string, unknown>>;
        claims?: Record<string, string[]>;
        findAccount?(ctx: unknown, id: string): Promise<Account | undefined>;
        features?: Record<string, { enabled: boolean }>;
        cookies?: { keys: string[] };
      },
    );
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
  }
}
