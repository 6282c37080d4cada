import { Faltnamn } from '@app/core';
import {
  AvstaDto,
  ExternKontaktpersonDto,
  ExternRemissvarDto,
  ExternRemissvarResponse,
  FragesvarDto,
  SkickaExterntSvarDto,
  SynpunktDto,
} from '@app/svar';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { Flash } from '../grund/flash.service';

/*
 * A page's form arrives as text (qs makes `synpunkter[0][sida]` the string "5"): the form classes
 * below turn its values into what the API's DTOs check, so the same checks and Swedish messages
 * apply. An empty field is an absent one; a number typed with letters stays text and is refused as
 * the API refuses it.
 */
type Falt = Record<string, unknown>;
const text = (v: unknown) => (v === '' || v === null ? undefined : v);
const tal = (v: unknown) => (typeof v === 'string' && /^\s*\d{1,9}\s*$/.test(v) ? Number(v) : text(v));
const lista = (v: unknown): Falt[] =>
  (Array.isArray(v) ? v : v && typeof v === 'object' ? Object.values(v) : []).filter(
    (x): x is Falt => !!x && typeof x === 'object',
  );
const texter = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
const strang = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/** The fields of a synpunkt a person writes in; a synpunkt with all of them empty is no synpunkt. */
const SYNPUNKTENS_TEXTER = ['rubrik', 'text', 'sida', 'citatinledning', 'citat', 'strykText', 'nyText'] as const;

/**
 * The synpunkter a posted form means: those not marked "Ta bort" and not left blank, in order. A
 * refused form is shown again through this as well, so an error's index (`synpunkter.1.citat`)
 * names the synpunkt the page shows in that place.
 */
export function menadeSynpunkter(v: unknown): Falt[] {
  return lista(v).filter((p) => !p.taBort && SYNPUNKTENS_TEXTER.some((f) => strang(p[f]).trim() !== ''));
}

const synpunktAv = (p: Falt): SynpunktDto =>
  plainToInstance(SynpunktDto, {
    id: text(p.id),
    typ: p.typ,
    rubrik: text(p.rubrik),
    text: p.text ?? '',
    remisshandlingId: text(p.remisshandlingId),
    sida: tal(p.sida),
    citatinledning: text(p.citatinledning),
    citat: text(p.citat),
    strykText: text(p.strykText),
    nyText: text(p.nyText),
    fotnoter: texter(p.fotnoter),
  });

/**
 * Form conversions of fields the API's DTO declares, as class-transformer's @Transform (run after
 * the DTO's own types, given the posted fields as `form`), set without redeclaring the fields.
 */
function formfalt<T extends object>(
  klass: new () => T,
  falt: Partial<Record<keyof T & string, (form: Falt) => unknown>>,
): void {
  for (const [namn, fran] of Object.entries(falt) as [string, (form: Falt) => unknown][])
    Transform(({ obj }) => fran(obj as Falt))(klass.prototype, namn);
}

/** The structured answer's form: the API's external answer, and which of its buttons was pressed. */
@Faltnamn({ atgard: 'knapp' })
export class ExternSvarFormular extends ExternRemissvarDto {
  /** "Spara utkast" keeps the answer; "Granska och skicka" keeps it and goes on to the summary before sending. */
  @IsOptional()
  @IsIn(['spara', 'granska'])
  atgard?: 'spara' | 'granska';
}
formfalt(ExternSvarFormular, {
  version: (f) => tal(f.version),
  titel: (f) => text(f.titel),
  diarienummer: (f) => text(f.diarienummer),
  stallning: (f) => text(f.stallning),
  fotnoter: (f) => texter(f.fotnoter),
  kontaktperson: (f) => {
    const k = f.kontaktperson as Falt | undefined;
    return plainToInstance(ExternKontaktpersonDto, {
      namn: text(k?.namn),
      epost: text(k?.epost),
      telefon: text(k?.telefon),
    });
  },
  synpunkter: (f) => menadeSynpunkter(f.synpunkter).map(synpunktAv),
  fragesvar: (f) =>
    lista(f.fragesvar).map((s) => plainToInstance(FragesvarDto, { fraga: tal(s.fraga), text: strang(s.text) })),
});

/** Sending: the version the person reviewed. */
export class SkickaSvarFormular extends SkickaExterntSvarDto {}
formfalt(SkickaSvarFormular, { version: (f) => tal(f.version) });

/** Avstå: the reason, if any. */
export class AvstaFormular extends AvstaDto {}
formfalt(AvstaFormular, { motivering: (f) => text(strang(f.motivering).trim()) });

/** A synpunkt's fields as the form shows them (all text; `ny` is the empty one at the end to add with). */
export interface SynpunktFalt {
  id: string;
  typ: string;
  rubrik: string;
  text: string;
  remisshandlingId: string;
  sida: string;
  citatinledning: string;
  citat: string;
  strykText: string;
  nyText: string;
  fotnoter: string[];
  ny: boolean;
}

/** What the structured form shows: the saved draft, or what was typed into a refused form. */
export interface SvarFormularVarden {
  version: string;
  titel: string;
  inledning: string;
  avslutning: string;
  stallning: string;
  diarienummer: string;
  fotnoter: string[];
  kontaktperson: { namn: string; epost: string; telefon: string };
  synpunkter: SynpunktFalt[];
  /** One per fråga of the remiss, in its order. */
  fragesvar: { fraga: number; text: string }[];
}

const synpunktFalt = (p: Falt, ny = false): SynpunktFalt => ({
  id: strang(p.id),
  typ: strang(p.typ) || 'ovrigt',
  rubrik: strang(p.rubrik),
  text: strang(p.text),
  remisshandlingId: strang(p.remisshandlingId),
  sida: strang(p.sida),
  citatinledning: strang(p.citatinledning),
  citat: strang(p.citat),
  strykText: strang(p.strykText),
  nyText: strang(p.nyText),
  fotnoter: texter(p.fotnoter) ?? [],
  ny,
});

/**
 * The form's values: what a refused form had (the flash's `varden`, the posted fields), else the saved draft,
 * else empty; always with one empty synpunkt at the end, so a synpunkt is added without script.
 */
export function svarFormular(
  fragor: { nummer: number }[],
  utkast: ExternRemissvarResponse | null,
  { varden = {}, kod, detaljer }: Flash,
): SvarFormularVarden {
  const ifyllt = Object.keys(varden).length > 0;
  const kalla: Falt = ifyllt ? varden : ((utkast as unknown as Falt | null) ?? {});
  const kontakt = (kalla.kontaktperson ?? {}) as Falt;
  const svar = lista(kalla.fragesvar);
  const svarPa = (nummer: number, i: number) => strang((ifyllt ? svar[i] : svar.find((f) => f.fraga === nummer))?.text);
  return {
    // After a stale save the typed text is kept, on the version saved since: saving again replaces
    // what the page says was changed, knowingly.
    version: strang(kod === 'STALE_VERSION' && detaljer?.currentVersion ? detaljer.currentVersion : kalla.version),
    titel: strang(kalla.titel),
    inledning: strang(kalla.inledning),
    avslutning: strang(kalla.avslutning),
    stallning: strang(kalla.stallning),
    diarienummer: strang(kalla.diarienummer),
    fotnoter: texter(kalla.fotnoter) ?? [],
    kontaktperson: { namn: strang(kontakt.namn), epost: strang(kontakt.epost), telefon: strang(kontakt.telefon) },
    synpunkter: [
      ...(ifyllt ? menadeSynpunkter(kalla.synpunkter) : lista(kalla.synpunkter)).map((p) => synpunktFalt(p)),
      synpunktFalt({}, true),
    ],
    fragesvar: fragor.map((f, i) => ({ fraga: f.nummer, text: svarPa(f.nummer, i) })),
  };
}
