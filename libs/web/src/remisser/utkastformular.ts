import { invalidField } from '@app/core';
import { AndraRemissDto, NyRemissDto } from '@app/remiss';
import { UtkastFormular } from './remisser.dto';

/** As many questions, and as long, as the API takes (NyRemissDto). */
const MAX_FRAGOR = 50;
const MAX_FRAGA = 2000;

/** One question per line; blank lines are none. */
function fragor(text: string | undefined): string[] {
  const lista = (text ?? '')
    .split(/\r\n|\r|\n/)
    .map((f) => f.trim())
    .filter((f) => f);
  if (lista.length > MAX_FRAGOR || lista.some((f) => f.length > MAX_FRAGA))
    throw invalidField(
      'fragor',
      `at most ${MAX_FRAGOR} questions of ${MAX_FRAGA} characters`,
      `Skriv högst ${MAX_FRAGOR} frågor, med högst ${MAX_FRAGA} tecken var.`,
    );
  return lista;
}

const kontaktperson = (f: UtkastFormular) =>
  f.kontaktNamn
    ? { namn: f.kontaktNamn.trim(), epost: f.kontaktEpost?.trim(), telefon: f.kontaktTelefon?.trim() }
    : undefined;

/** A new utkast: the API's DTO from the form (the dnr entered only when the user chose so). */
export function nyRemiss(f: UtkastFormular): NyRemissDto {
  return {
    arendemening: f.arendemening.trim(),
    diariumId: f.diariumId,
    diarienummer: f.dnrSatt === 'befintligt' ? f.diarienummer?.trim() : undefined,
    svarsdatum: f.svarsdatum.trim(),
    missiv: f.missiv ?? '',
    fragor: fragor(f.fragor),
    kontaktperson: kontaktperson(f),
  };
}

/** An edit of an utkast: every field of the form, and the version it showed; a blank contact removes it. */
export function andradRemiss(f: UtkastFormular): AndraRemissDto {
  return {
    arendemening: f.arendemening.trim(),
    svarsdatum: f.svarsdatum.trim(),
    missiv: f.missiv ?? '',
    fragor: fragor(f.fragor),
    kontaktperson: kontaktperson(f) ?? null,
    version: f.version ? Number(f.version) : undefined,
  };
}
