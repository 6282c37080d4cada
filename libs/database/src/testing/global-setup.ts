import { prepareTestInfrastructure } from './test-infrastructure';

export default async function globalSetup(): Promise<void> {
  (globalThis as { __remissTestInfrastructure?: unknown }).__remissTestInfrastructure = await prepareTestInfrastructure();
}
