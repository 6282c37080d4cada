import { Infrastructure } from '../infrastructure';
import { dropLeftoverTestDatabases } from './test-infrastructure';

export default async function globalTeardown(): Promise<void> {
  await dropLeftoverTestDatabases();
  await (globalThis as { __remissTestInfrastructure?: Infrastructure }).__remissTestInfrastructure?.stop();
}
