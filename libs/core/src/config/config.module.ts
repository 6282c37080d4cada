import { Global, Module } from '@nestjs/common';
import { PlattformsLankar } from '../http/plattforms-lankar.service';
import { APP_CONFIG } from './app-config.token';
import { AppConfig, loadConfig } from './config.schema';

export { APP_CONFIG };

/** The config and what follows from it alone (the platform's addresses): ambient, as the config is. */
@Global()
@Module({})
export class ConfigModule {
  /** The config is parsed by the app's main() before Nest starts, so errors print as one line. */
  static forRoot(config: AppConfig = loadConfig(process.env)) {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, PlattformsLankar],
      exports: [APP_CONFIG, PlattformsLankar],
    };
  }
}
