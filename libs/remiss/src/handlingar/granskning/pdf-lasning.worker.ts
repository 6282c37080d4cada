import { parentPort } from 'node:worker_threads';
import { lasPdf, LasResultat, LasUppdrag } from './pdf-lasning';
import { WorkerReply } from './worker-pool';

const reply = (result: LasResultat): WorkerReply<LasResultat> => ({ result, retire: !result.ok && result.avbruten === true });

/** Entry of a PDF reading worker thread: one file at a time, the answer posted back. */
parentPort!.on('message', (uppdrag: LasUppdrag) => {
  lasPdf(uppdrag).then(
    (resultat) => parentPort!.postMessage(reply(resultat)),
    (e: unknown) => parentPort!.postMessage(reply({ ok: false, fel: 'PDF_CORRUPT', detalj: String(e) })),
  );
});
