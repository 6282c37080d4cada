import 'reflect-metadata';
import { main, runWorker } from '@app/runtime';
import { PdfWorkerAppModule } from './pdf-worker.module';

main(() => runWorker('Remissplattformen – PDF', PdfWorkerAppModule.forRoot));
