// Jest loads global setup outside its module map, so the @app/* aliases are registered here
// before anything that uses them is required.
import { register } from 'tsconfig-paths';
import { compilerOptions } from '../../../../tsconfig.base.json';

register({ baseUrl: `${__dirname}/../../../..`, paths: compilerOptions.paths });

export default async function globalSetup(): Promise<void> {
  const { prepareTestInfrastructure } = require('./test-infrastructure') as typeof import('./test-infrastructure');
  (globalThis as { __remissTestInfrastructure?: unknown }).__remissTestInfrastructure =
    await prepareTestInfrastructure();
}
