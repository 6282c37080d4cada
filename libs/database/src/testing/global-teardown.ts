import type { Infrastructure } from '../infrastructure';

export default async function globalTeardown(): Promise<void> {
  const { dropTestDatabases } = require('./test-infrastructure') as typeof import('./test-infrastructure');
  await dropTestDatabases();
  await (globalThis as { __remissTestInfrastructure?: Infrastructure }).__remissTestInfrastructure?.stop();
}
