import type { Infrastructure } from '../infrastructure';

export default async function globalTeardown(): Promise<void> {
  const { dropLeftoverTestDatabases } = require('./test-infrastructure') as typeof import('./test-infrastructure');
  await dropLeftoverTestDatabases();
  await (globalThis as { __remissTestInfrastructure?: Infrastructure }).__remissTestInfrastructure?.stop();
}
