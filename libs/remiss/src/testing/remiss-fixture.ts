import { stockholmDatum } from '@app/core';
import { ApiClient } from '@app/runtime/testing/test-app';
import { tidigasteSvarsdatum } from '../utkast/svarsdatum-regel';
import { pdfMedSidor } from './pdf-fixtures';

/** Page 5 of the draft holds the sentences UN's answer quotes (shared/seeds/UN2025-412-svar-pa-remiss.txt). */
export const SIDA_5 = [
  'I Enköpings kommun är vi måna om att lära oss av och nyttja vad andra gjort.',
  'Att genomföra pilotstudier som redan gjorts hos flera andra aktörer ger inget mervärde.',
  'Vi drar erfarenhet från andras pilotstudier och genomför införandeprojekt.',
];

export function pdfForm(data: Buffer, filnamn: string, titel?: string): FormData {
  const form = new FormData();
  form.append('fil', new Blob([new Uint8Array(data)], { type: 'application/pdf' }), filnamn);
  if (titel) form.append('titel', titel);
  return form;
}

export const forstaGiltigaSvarsdatum = () => tidigasteSvarsdatum(stockholmDatum(new Date()), 15);

/** A draft with a six-page remisshandling, ready to send to the given recipients. */
export async function remissUtkast(
  ks: ApiClient,
  arendemening: string,
  mottagare: object[],
): Promise<{ id: string; diarienummer: string; handlingId: string }> {
  const remiss = await ks.post('/api/remisser', {
    arendemening,
    missiv: 'Kommunstyrelsen önskar synpunkter på förslaget.',
    svarsdatum: forstaGiltigaSvarsdatum(),
    mottagare,
    fragor: ['Är inriktningen rimlig?'],
  });
  if (remiss.status !== 201) throw new Error(`create failed: ${JSON.stringify(remiss.body)}`);
  const sidor = [1, 2, 3, 4].map((n) => [`Sida ${n} av förslaget`]).concat([SIDA_5, ['Sida 6']]);
  const handling = await ks.post(
    `/api/remisser/${remiss.body.id}/handlingar`,
    pdfForm(await pdfMedSidor(sidor), 'policy.pdf', arendemening),
  );
  if (handling.status !== 201) throw new Error(`upload failed: ${JSON.stringify(handling.body)}`);
  return { id: remiss.body.id, diarienummer: remiss.body.diarienummer, handlingId: handling.body.id };
}

/**
 * Lets the organisation named `avsandare` send remisser to the one whose admin is `mottagaresAdmin`,
 * as that admin does on /admin/kopplingar (the receiver's consent). Returns the sender's id.
 */
export async function koppla(mottagaresAdmin: ApiClient, avsandare: string): Promise<string> {
  const { body } = await mottagaresAdmin.get<{ valbara: { organisationId: string; namn: string }[] }>(
    '/api/admin/kopplingar',
  );
  const organisation = body.valbara.find((o) => o.namn === avsandare);
  if (!organisation) throw new Error(`${avsandare} cannot be connected: ${JSON.stringify(body)}`);
  const res = await mottagaresAdmin.post('/api/admin/kopplingar', { organisationId: organisation.organisationId });
  if (res.status >= 300) throw new Error(`connecting failed: ${res.status} ${JSON.stringify(res.body)}`);
  return organisation.organisationId;
}
