import { Module } from '@nestjs/common';
import { UtkorgAvstamning } from './utkorg-avstamning.service';
import { UtkorgKo } from './utkorg-ko.service';
import { UtkorgRader } from './utkorg-rader.repository';
import { UtkorgSandare } from './utkorg-sandare.service';
import { UtkorgTyper } from './utkorg-typer.service';
import { Utkorg } from './utkorg.service';
import { UtkorgWorker } from './utkorg.worker';

/**
 * The outbox: one mechanism (claim, lease, retry, permanent failure, reconciler) for every kind of
 * background work. A kind's module imports it, registers its `UtkorgTyp` with `UtkorgTyper` and
 * queues its rows after commit with `Utkorg`; only a process that imports UtkorgWorkerModule works them off.
 */
@Module({
  providers: [UtkorgTyper, UtkorgRader, UtkorgKo, Utkorg, UtkorgSandare, UtkorgAvstamning],
  exports: [UtkorgTyper, UtkorgRader, UtkorgKo, Utkorg, UtkorgSandare, UtkorgAvstamning],
})
export class UtkorgModule {}

/** The outbox's BullMQ worker and reconciler, in the reminder-worker app and in `platform`; HTTP services only queue. */
@Module({ imports: [UtkorgModule], providers: [UtkorgWorker] })
export class UtkorgWorkerModule {}
