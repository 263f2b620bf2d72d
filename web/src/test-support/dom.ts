/**
 * Component tests render into a jsdom document under node:test: import this module first, before React Testing
 * Library, so that `window` and `document` exist when it loads.
 */
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
  url: 'http://localhost/',
  pretendToBeVisual: true,
});
const { window } = dom;
const globals = globalThis as Record<string, unknown>;
for (const name of Object.getOwnPropertyNames(window)) {
  if (name in globalThis || name.startsWith('_')) continue;
  try {
    globals[name] = (window as unknown as Record<string, unknown>)[name];
  } catch {
    // A few jsdom getters throw outside a page; nothing a component uses.
  }
}
globals.window = window;
globals.document = window.document;
Object.defineProperty(globalThis, 'navigator', { value: window.navigator, configurable: true });
// React warns about updates outside act() unless it knows it runs under a test.
globals.IS_REACT_ACT_ENVIRONMENT = true;

/** Replaces `fetch` with answers from `handler` for the rest of a test file; returns the requests made. */
export function fakeFetch(
  handler: (
    url: string,
    init: RequestInit,
  ) => { status?: number; body?: unknown } | Promise<{ status?: number; body?: unknown }>,
): { url: string; init: RequestInit }[] {
  const calls: { url: string; init: RequestInit }[] = [];
  globalThis.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    calls.push({ url, init });
    const { status = 200, body } = await handler(url, init);
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return calls;
}
