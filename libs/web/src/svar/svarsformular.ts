import { BeslutDto, RemissvarInnehallDto, SvarsredigeringVy, SynpunktDto } from '@app/svar';
import { arTomSynpunkt, BeslutFormular, DatumFalt, SvarFormular, SynpunktFalt } from './svar.dto';

/** A textarea of footnotes: one per line, blank lines ignored; `[^1]` in the text is the first. */
const fotnoterAv = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((r) => r.trim())
    .filter((r) => r !== '');

/** A text field's content, or absent when it is blank. */
const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/**
 * The synpunkter in the order and number the user asked for: the button pressed besides saving
 * ("Ta bort", "Flytta upp", "Flytta ned"), and a new synpunkt left blank dropped (as a blank answer
 * to a fråga is no answer). Applied to the form itself, so that a refused save shows the form as it
 * was saved, each error beside the synpunkt it belongs to.
 */
export function withAtgard(form: SvarFormular): SvarFormular {
  const synpunkter = [...(form.synpunkter ?? [])];
  const [, vad, nr] = /^(ta-bort|upp|ned)-(\d+)$/.exec(form.atgard ?? '') ?? [];
  const i = Number(nr);
  if (vad === 'ta-bort' && i < synpunkter.length) synpunkter.splice(i, 1);
  const till = vad === 'upp' ? i - 1 : vad === 'ned' ? i + 1 : -1;
  if (till >= 0 && till < synpunkter.length && i < synpunkter.length)
    [synpunkter[i], synpunkter[till]] = [synpunkter[till], synpunkter[i]];
  return Object.assign(new SvarFormular(), form, { synpunkter: synpunkter.filter((p) => !arTomSynpunkt(p)) });
}

function synpunktAv(p: SynpunktFalt): SynpunktDto {
  return {
    id: p.id,
    typ: p.typ as SynpunktDto['typ'],
    rubrik: text(p.rubrik),
    text: p.text?.trim() ?? '',
    remisshandlingId: p.remisshandlingId,
    sida: p.sida === undefined ? undefined : Number(p.sida),
    citatinledning: text(p.citatinledning),
    citat: text(p.citat),
    strykText: text(p.strykText),
    nyText: text(p.nyText),
    fotnoter: fotnoterAv(p.fotnoter),
  };
}

/**
 * The form as the domain takes an answer: blank optional fields absent, numbers as numbers.
 * Positions stay those of the form, so the domain's errors (`synpunkter.1.citat`) point at the
 * fields the user sees.
 */
export function innehallAv(form: SvarFormular): { version?: number; innehall: RemissvarInnehallDto } {
  const synpunkter = form.synpunkter ?? [];
  return {
    version: form.version === undefined ? undefined : Number(form.version),
    innehall: {
      titel: text(form.titel),
      inledning: form.inledning?.trim() ?? '',
      synpunkter: synpunkter.map(synpunktAv),
      avslutning: form.avslutning?.trim() ?? '',
      fotnoter: fotnoterAv(form.fotnoter),
      stallning: form.stallning as RemissvarInnehallDto['stallning'],
      fragesvar: (form.fragesvar ?? []).map((f) => ({ fraga: Number(f.fraga), text: f.text?.trim() ?? '' })),
    },
  };
}

/** "2025-04-23" from the date input's day, month and year; blank is absent, anything else the service refuses by name. */
function datumAv(d: DatumFalt | undefined): string | undefined {
  const [dag, manad, ar] = [d?.dag?.trim() ?? '', d?.manad?.trim() ?? '', d?.ar?.trim() ?? ''];
  if (!dag && !manad && !ar) return undefined;
  return `${ar}-${manad.padStart(2, '0')}-${dag.padStart(2, '0')}`;
}

export function beslutAv(form: BeslutFormular): BeslutDto {
  if (form.typ === 'namndbeslut')
    return { typ: form.typ, sammantradesdatum: datumAv(form.sammantradesdatum), paragraf: text(form.paragraf) };
  return {
    typ: form.typ,
    delegatNamn: text(form.delegatNamn),
    delegatTitel: text(form.delegatTitel),
    beslutsdatum: datumAv(form.beslutsdatum),
  };
}

/** The editor's fields as the stored answer fills them (the same shape as a sent form, so a refused one refills them alike). */
export function formularAv(vy: Pick<SvarsredigeringVy, 'svar' | 'fragor'>): SvarFormular {
  const svar = vy.svar;
  return {
    version: svar ? String(svar.version) : undefined,
    titel: svar?.titel ?? '',
    inledning: svar?.inledning ?? '',
    fotnoter: (svar?.fotnoter ?? []).join('\n'),
    synpunkter: (svar?.synpunkter ?? []).map((p) => ({
      id: p.id,
      typ: p.typ,
      rubrik: p.rubrik ?? '',
      text: p.text,
      remisshandlingId: p.remisshandlingId ?? '',
      sida: p.sida === null ? '' : String(p.sida),
      citatinledning: p.citatinledning ?? '',
      citat: p.citat ?? '',
      strykText: p.strykText ?? '',
      nyText: p.nyText ?? '',
      fotnoter: p.fotnoter.join('\n'),
    })),
    fragesvar: vy.fragor.map((f) => ({
      fraga: String(f.nummer),
      text: svar?.fragesvar.find((s) => s.fraga === f.nummer)?.text ?? '',
    })),
    avslutning: svar?.avslutning ?? '',
    stallning: svar?.stallning ?? undefined,
  };
}
