import 'reflect-metadata';
import {
  loadDemoDataIfWanted,
  main,
  printDemoLogins,
  runHttpApp,
  runMigrateCommand,
  runOrganisationCommand,
} from '@app/runtime';
import { PlatformModule } from './platform.module';

main(() =>
  process.argv[2] === 'migrate'
    ? runMigrateCommand(loadDemoDataIfWanted)
    : process.argv[2] === 'organisation'
      ? runOrganisationCommand(process.argv.slice(3))
      : runHttpApp({
          title: 'Remissplattformen',
          port: (config) => config.PORT,
          module: (config, infrastructure) => PlatformModule.forRoot(config, infrastructure),
          beforeListen: loadDemoDataIfWanted,
          afterListen: printDemoLogins,
        }),
);
