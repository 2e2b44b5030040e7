/*
 * jsdom 29 for Jest. `jest-environment-jsdom` 30 pins jsdom 26, so this builds the same environment
 * from Jest's own abstract base with the jsdom this package chose.
 *
 * jsdom has no `fetch`. A browser does, so the DOM tests get Node's real fetch (and the AbortController
 * it accepts signals from) instead of a mock: they talk to a real local HTTP server.
 */
import BaseJSDOMEnvironment from '@jest/environment-jsdom-abstract';
import * as jsdom from 'jsdom';

export default class JSDOMEnvironment extends BaseJSDOMEnvironment {
  constructor(config, context) {
    super(config, context, jsdom);
    for (const name of ['fetch', 'Headers', 'Request', 'Response', 'AbortController', 'AbortSignal']) {
      this.global[name] = globalThis[name];
    }
  }
}
