import 'reflect-metadata';
import { main, runHttpApp } from '@app/runtime';
import { RemissServiceModule } from './remiss-service.module';

main(() =>
  runHttpApp({
    title: 'Remissplattformen – remisstjänst',
    port: (config) => config.REMISS_SERVICE_PORT,
    module: RemissServiceModule.forRoot,
  }),
);
