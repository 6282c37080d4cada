import { csv, CsvCell, Datum, STALLNINGSNAMN, SYNPUNKTSTYPNAMN } from '@app/core';
import { Remissfraga, Remissinstans, SYNPUNKT_TYPER, SynpunktTyp } from '@app/database';
import { Brevhuvud, RemissammanstallningDokument, SynpunktDokument } from '@app/pdf';
import { antalPerStallning } from '../stallning';
import { SvarRad, SynpunktRad } from './sammanstallning.repository';

type InstansSynpunkt = SynpunktDokument & { instans: string };

export const TYP_NAMN: Record<SynpunktTyp, string> = SYNPUNKTSTYPNAMN;

function dokument(rad: SynpunktRad): InstansSynpunkt {
  return {
    instans: rad.instans,
    typ: rad.typ,
    ...(rad.rubrik ? { rubrik: rad.rubrik } : {}),
    ...(rad.citat && rad.sida
      ? { citat: { text: rad.citat, sida: rad.sida, ...(rad.handling ? { handling: rad.handling } : {}) } }
      : {}),
    text: rad.text,
    ...(rad.strykText ? { stryk: rad.strykText } : {}),
    ...(rad.nyText ? { ersattMed: rad.nyText } : {}),
    fotnoter: rad.fotnoter,
  };
}

/**
 * Groups the synpunkter of the expedierade answers by remisshandling and page, in document order;
 * those without a page reference get their own section. An external instans' structured answer is
 * a remissvar like a nämnd's and is grouped the same way; one sent as a PDF has no structured
 * synpunkter and is listed there too, pointing to the registered handling. Each fråga lists the
 * answers given to it, and the answers' positions are counted.
 */
export function compileSammanstallning(
  huvud: { brevhuvud: Brevhuvud; datum: Datum; diarienummer: string; arendemening: string },
  synpunkter: SynpunktRad[],
  instanser: Remissinstans[],
  fragor: Remissfraga[],
  svar: SvarRad[],
): RemissammanstallningDokument {
  const avsnitt: RemissammanstallningDokument['avsnitt'] = [];
  const utanHanvisning: InstansSynpunkt[] = [];
  for (const rad of synpunkter) {
    if (rad.handling === null || rad.sida === null) {
      utanHanvisning.push(dokument(rad));
      continue;
    }
    let del = avsnitt.at(-1);
    if (!del || del.handling !== rad.handling || del.sida !== rad.sida) {
      del = {
        handling: rad.handling,
        sida: rad.sida,
        synpunkter: [],
        antalPerTyp: Object.fromEntries(SYNPUNKT_TYPER.map((t) => [t, 0])) as Record<SynpunktTyp, number>,
      };
      avsnitt.push(del);
    }
    del.synpunkter.push(dokument(rad));
    del.antalPerTyp[rad.typ]++;
  }
  for (const i of instanser.filter((i) => i.status === 'besvarad' && i.externSvarFilId)) {
    utanHanvisning.push({
      instans: i.namn,
      typ: 'ovrigt',
      text: 'Svaret lämnades som PDF via personlig länk och är registrerat som inkommande handling i ärendet.',
      fotnoter: [],
    });
  }
  const namn = (status: Remissinstans['status'][]) =>
    instanser.filter((i) => status.includes(i.status)).map((i) => i.namn);
  const stallningar = svar.flatMap((s) => (s.stallning ? [{ instans: s.instans, stallning: s.stallning }] : []));
  return {
    ...huvud,
    avsnitt,
    utanHanvisning,
    stallningar,
    antalPerStallning: antalPerStallning(stallningar.map((s) => s.stallning)),
    fragor: fragor.map((f) => ({
      nummer: f.nummer,
      fraga: f.text,
      svar: svar.flatMap((s) => {
        const text = s.fragesvar.find((a) => a.fraga === f.nummer)?.text;
        return text === undefined ? [] : [{ instans: s.instans, text }];
      }),
    })),
    avstod: namn(['avstar']),
    ejSvarat: namn(['inbjuden', 'registrerad', 'under_beredning']),
  };
}

/** The compilation as one CSV row per synpunkt, answer, ställning and instans without an answer. */
export function sammanstallningCsv(doc: RemissammanstallningDokument): Buffer {
  const rader: CsvCell[][] = [
    ['Remisshandling', 'Sida', 'Remissinstans', 'Typ', 'Citat', 'Synpunkt', 'Stryk', 'Ersätt med'],
  ];
  const rad = (handling: string | undefined, sida: number | undefined, s: InstansSynpunkt) =>
    rader.push([handling, sida, s.instans, TYP_NAMN[s.typ], s.citat?.text, s.text, s.stryk, s.ersattMed]);
  for (const a of doc.avsnitt) for (const s of a.synpunkter) rad(a.handling, a.sida, s);
  for (const s of doc.utanHanvisning) rad(undefined, undefined, s);
  for (const f of doc.fragor)
    for (const s of f.svar) rader.push(['', '', s.instans, `Svar på fråga ${f.nummer}`, f.fraga, s.text, '', '']);
  for (const s of doc.stallningar)
    rader.push(['', '', s.instans, 'Ställning', '', STALLNINGSNAMN[s.stallning].namn, '', '']);
  for (const namn of doc.avstod) rader.push(['', '', namn, 'Avstår', '', '', '', '']);
  for (const namn of doc.ejSvarat) rader.push(['', '', namn, 'Har inte svarat', '', '', '', '']);
  return csv(rader);
}
