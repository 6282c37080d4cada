import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { LasareData, readPdf, LasResultat, LasUppdrag } from './pdf-lasning';
import { WORKER_PROGRESS, WorkerReply } from './worker-pool';

/**
 * Reading an upload is background work next to answering requests: on Linux a thread has a nice
 * value of its own (PDF_INSPECTION_NICE), so this thread yields the CPU to the event loop whenever
 * both want it, and still gets whole cores when nobody else does. Elsewhere the thread keeps the
 * process's priority.
 */
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), (workerData as LasareData).nice);
} catch {
  // no /proc (not Linux): the priority stays as it was
}

const reply = (result: LasResultat): WorkerReply<LasResultat> => ({
  result,
  retire: !result.ok && result.avbruten === true,
});

/** Entry of a PDF reading worker thread: one file at a time, the answer posted back. */
parentPort!.on('message', (uppdrag: LasUppdrag) => {
  readPdf(uppdrag, () => parentPort!.postMessage(WORKER_PROGRESS)).then(
    (resultat) => parentPort!.postMessage(reply(resultat), resultat.ok ? [resultat.data.buffer] : []),
    (e: unknown) => parentPort!.postMessage(reply({ ok: false, fel: 'PDF_CORRUPT', detalj: String(e) })),
  );
});
