import 'reflect-metadata';
import { main, runHttpApp } from '@app/runtime';
import { NamndServiceModule } from './namnd-service.module';

main(() =>
  runHttpApp({
    title: 'Remissplattformen – nämndtjänst',
    port: (config) => config.NAMND_SERVICE_PORT,
    module: NamndServiceModule.forRoot,
  }),
);
