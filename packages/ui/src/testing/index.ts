export {
  sendJson,
  sendProblem,
  startTestServer,
  type RecordedRequest,
  type Route,
  type TestServer,
} from './test-server.js';
export { LocationProbe, renderPage, type RenderPageOptions, type RenderedPage } from './render.js';
export { healthyApi, loginResponseFor, memberUser } from './fixtures.js';
