/**
 * Once per `jest` run that includes e2e tests: bundle the recording Excel double for the browser
 * (test-artifacts/e2e/). dist/ itself comes from `npm run build`, which `npm test` runs first.
 */
import { buildDoubleBundle } from './harness/double-bundle';

export default async function globalSetup(): Promise<void> {
  await buildDoubleBundle();
}
