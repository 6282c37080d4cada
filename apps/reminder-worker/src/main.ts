import 'reflect-metadata';
import { main, runWorker } from '@app/runtime';
import { ReminderWorkerModule } from './reminder-worker.module';

main(() => runWorker('Remissplattformen – påminnelser', ReminderWorkerModule.forRoot));
