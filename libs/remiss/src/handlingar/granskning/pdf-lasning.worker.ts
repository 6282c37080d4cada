import { parentPort } from 'node:worker_threads';
import { lasPdf, LasResultat, LasUppdrag } from './pdf-lasning';

/** Entry of a PDF reading worker thread: one file at a time, the answer posted back. */
parentPort!.on('message', (uppdrag: LasUppdrag) => {
  lasPdf(uppdrag).then(
    (resultat) => parentPort!.postMessage(resultat),
    (e: unknown) => parentPort!.postMessage({ ok: false, fel: 'PDF_CORRUPT', detalj: String(e) } satisfies LasResultat),
  );
});
