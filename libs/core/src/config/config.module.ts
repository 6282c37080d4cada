import { Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './config.schema';

export const APP_CONFIG = Symbol('APP_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  /** The config is parsed by the app's main() before Nest starts, so errors print as one line. */
  static forRoot(config: AppConfig = loadConfig(process.env)) {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
