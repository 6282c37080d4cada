import {
  csv,
  CsvCell,
  Datum,
  STALLNINGSNAMN,
  STALLNINGSTAGANDENAMN,
  stockholmDatum,
  SYNPUNKTSTYPNAMN,
} from '@app/core';
import { Remissfraga, SYNPUNKT_TYPER, SynpunktTyp } from '@app/database';
import {
  Brevhuvud,
  RemissammanstallningDokument,
  SammanstalldInstans,
  SammanstalldSynpunkt,
  StallningstagandeDokument,
} from '@app/pdf';
import { antalPerStallning } from '../stallning';
import { InstansRad, SynpunktRad } from './sammanstallning.repository';
import { StallningstagandeRad } from './stallningstagande.repository';

export const TYP_NAMN: Record<SynpunktTyp, string> = SYNPUNKTSTYPNAMN;

/** What the page narrows the answers to: a kind of synpunkt, one instans. */
export interface SammanstallningUrval {
  typ?: SynpunktTyp;
  instans?: string;
}

export const toStallningstagandeDokument = (s: StallningstagandeRad): StallningstagandeDokument => ({
  beslut: s.beslut,
  motivering: s.motivering,
  av: s.av,
  registrerad: new Date(s.createdAt).toISOString(),
  version: s.version,
});

/** One synpunkt as the sammanställning shows it, with its instans' dnr and the current ställningstagande. */
export function sammanstalldSynpunkt(
  rad: SynpunktRad,
  dnr: Map<string, string>,
  stallningstaganden: Map<string, StallningstagandeRad>,
): SammanstalldSynpunkt {
  const diarienummer = dnr.get(rad.instansId);
  const stallningstagande = stallningstaganden.get(rad.id);
  return {
    id: rad.id,
    instansId: rad.instansId,
    instans: rad.instans,
    ...(diarienummer ? { diarienummer } : {}),
    typ: rad.typ,
    ...(rad.rubrik ? { rubrik: rad.rubrik } : {}),
    ...(rad.citat && rad.sida
      ? {
          ...(rad.citatinledning ? { citatinledning: rad.citatinledning } : {}),
          citat: { text: rad.citat, sida: rad.sida, ...(rad.handling ? { handling: rad.handling } : {}) },
        }
      : {}),
    text: rad.text,
    ...(rad.strykText ? { stryk: rad.strykText } : {}),
    ...(rad.nyText ? { ersattMed: rad.nyText } : {}),
    fotnoter: rad.fotnoter,
    ...(stallningstagande ? { stallningstagande: toStallningstagandeDokument(stallningstagande) } : {}),
  };
}

export const instansDnr = (instanser: InstansRad[]) =>
  new Map(instanser.flatMap((i) => (i.diarienummer ? [[i.id, i.diarienummer] as const] : [])));

function instans(i: InstansRad): SammanstalldInstans {
  return {
    id: i.id,
    namn: i.namn,
    status: i.status,
    ...(i.diarienummer ? { diarienummer: i.diarienummer } : {}),
    svarsdatum: i.svarsdatum,
    ...(i.anstand
      ? { anstand: { svarsdatum: i.svarsdatum, ...(i.anstandOrsak ? { orsak: i.anstandOrsak } : {}) } }
      : {}),
    ...(i.stallning ? { stallning: i.stallning } : {}),
    ...(i.avstarMotivering ? { avstarMotivering: i.avstarMotivering } : {}),
  };
}

/**
 * Groups the synpunkter of the expedierade answers by remisshandling and page, in document order;
 * those without a page reference get their own section. An external instans' structured answer is
 * a remissvar like a nämnd's and is grouped the same way; one sent as a PDF has no structured
 * synpunkter and is listed there too, pointing to the registered handling. Each fråga lists the
 * answers given to it, and the answers' positions are counted, declining ones too. `urval` narrows
 * the synpunkter (kind, instans) and the frågesvar (instans); counts stay those of the whole remiss.
 */
export function compileSammanstallning(
  huvud: { brevhuvud: Brevhuvud; datum: Datum; diarienummer: string; arendemening: string },
  synpunkter: SynpunktRad[],
  instanser: InstansRad[],
  fragor: Remissfraga[],
  stallningstaganden: StallningstagandeRad[] = [],
  urval: SammanstallningUrval = {},
): RemissammanstallningDokument {
  const dnr = instansDnr(instanser);
  const aktuella = new Map(stallningstaganden.map((s) => [s.synpunktId, s]));
  const medInstans = (id: string) => !urval.instans || urval.instans === id;
  const avsnitt: RemissammanstallningDokument['avsnitt'] = [];
  const utanHanvisning: SammanstalldSynpunkt[] = [];
  for (const rad of synpunkter) {
    if (!medInstans(rad.instansId) || (urval.typ && rad.typ !== urval.typ)) continue;
    if (rad.handling === null || rad.sida === null) {
      utanHanvisning.push(sammanstalldSynpunkt(rad, dnr, aktuella));
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
    del.synpunkter.push(sammanstalldSynpunkt(rad, dnr, aktuella));
    del.antalPerTyp[rad.typ]++;
  }
  // An answer sent as a PDF has no kind of its own: a kind filter leaves it out.
  if (!urval.typ)
    for (const i of instanser.filter((i) => i.status === 'besvarad' && i.externSvarsfil && medInstans(i.id))) {
      utanHanvisning.push({
        instansId: i.id,
        instans: i.namn,
        ...(i.diarienummer ? { diarienummer: i.diarienummer } : {}),
        typ: 'ovrigt',
        text: i.svarInkomDatum
          ? `Svaret kom in ${i.svarInkomDatum} per post eller e-post och är registrerat som inkommande handling i ärendet.`
          : 'Svaret lämnades som PDF via personlig länk och är registrerat som inkommande handling i ärendet.',
        fotnoter: [],
      });
    }
  const namn = (status: InstansRad['status'][]) =>
    instanser.filter((i) => status.includes(i.status)).map((i) => i.namn);
  const stallningar = instanser.flatMap((i) => (i.stallning ? [{ instans: i.namn, stallning: i.stallning }] : []));
  const avstod = namn(['avstar']);
  return {
    ...huvud,
    avsnitt,
    utanHanvisning,
    stallningar,
    antalPerStallning: {
      ...antalPerStallning(stallningar.map((s) => s.stallning)),
      avstar: avstod.length,
      ej_angiven: instanser.filter((i) => i.status === 'besvarad' && !i.stallning).length,
    },
    fragor: fragor.map((f) => ({
      nummer: f.nummer,
      fraga: f.text,
      svar: instanser.flatMap((i) => {
        const text = medInstans(i.id) ? i.fragesvar.find((a) => a.fraga === f.nummer)?.text : undefined;
        return text === undefined ? [] : [{ instans: i.namn, text }];
      }),
    })),
    instanser: instanser.map(instans),
    avstod,
    ejSvarat: namn(['inbjuden', 'registrerad', 'under_beredning']),
  };
}

export const CSV_KOLUMNER = [
  'Remisshandling',
  'Sida',
  'Remissinstans',
  'Instansens dnr',
  'Typ',
  'Rubrik',
  'Citat',
  'Synpunkt',
  'Stryk',
  'Ersätt med',
  'Fotnoter',
  'Ställningstagande',
  'Motivering',
  'Ställningstagande av',
  'Ställningstagande datum',
  'Synpunktens id',
] as const;

/** The compilation as one CSV row per synpunkt, answer, ställning, avstående, anstånd and instans without an answer. */
export function sammanstallningCsv(doc: RemissammanstallningDokument): Buffer {
  const rader: CsvCell[][] = [[...CSV_KOLUMNER]];
  const dnr = new Map(doc.instanser.map((i) => [i.namn, i.diarienummer]));
  /** A row that is not a synpunkt: the instans, its dnr, a kind and the text. */
  const instansRad = (namn: string, typ: string, citat: string, text: string) =>
    rader.push(['', '', namn, dnr.get(namn), typ, '', citat, text, '', '', '', '', '', '', '', '']);
  const rad = (handling: string | undefined, sida: number | undefined, s: SammanstalldSynpunkt) => {
    const st = s.stallningstagande;
    rader.push([
      handling,
      sida,
      s.instans,
      s.diarienummer,
      TYP_NAMN[s.typ],
      s.rubrik,
      s.citat?.text,
      s.text,
      s.stryk,
      s.ersattMed,
      s.fotnoter.map((f, n) => `[${n + 1}] ${f}`).join('\n'),
      st && STALLNINGSTAGANDENAMN[st.beslut].namn,
      st?.motivering,
      st?.av ?? undefined,
      st && stockholmDatum(new Date(st.registrerad)),
      s.id,
    ]);
  };
  for (const a of doc.avsnitt) for (const s of a.synpunkter) rad(a.handling, a.sida, s);
  for (const s of doc.utanHanvisning) rad(undefined, undefined, s);
  for (const f of doc.fragor)
    for (const s of f.svar) instansRad(s.instans, `Svar på fråga ${f.nummer}`, f.fraga, s.text);
  for (const s of doc.stallningar) instansRad(s.instans, 'Ställning', '', STALLNINGSNAMN[s.stallning].namn);
  for (const i of doc.instanser.filter((i) => i.status === 'avstar'))
    instansRad(i.namn, 'Avstår', '', i.avstarMotivering ?? '');
  for (const i of doc.instanser.filter((i) => i.anstand))
    instansRad(
      i.namn,
      'Anstånd',
      '',
      `Svarsdatum ${i.anstand!.svarsdatum}${i.anstand!.orsak ? `: ${i.anstand!.orsak}` : ''}`,
    );
  for (const namn of doc.ejSvarat) instansRad(namn, 'Har inte svarat', '', '');
  return csv(rader);
}
