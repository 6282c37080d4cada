import { isEmail } from 'class-validator';

/** One line of a pasted or imported list that became an external recipient. */
export interface TagenRad {
  rad: number;
  namn: string;
  epost: string;
}

/** One line that did not, with why in Swedish. */
export interface AvvisadRad {
  rad: number;
  text: string;
  orsak: string;
}

export interface Mottagarlista {
  tagna: TagenRad[];
  avvisade: AvvisadRad[];
}

/** At most this many lines in one paste or file: a list of the country's 290 kommuner fits. */
export const MAX_RADER = 500;

/** A header line of a CSV export ("namn;e-post", "Name,Email"): skipped, not refused. */
const RUBRIK = /^"?(namn|name|organisation|mottagare)"?\s*[;,\t]\s*"?(e-?post(adress)?|e-?mail|mejl)"?\s*$/i;

/** One CSV field, quoted ("Region Uppsala, registrator") or not. */
function csvFalt(rad: string): string[] {
  const falt: string[] = [];
  let i = 0;
  while (i <= rad.length) {
    if (rad[i] === '"') {
      let varde = '';
      i++;
      while (i < rad.length && !(rad[i] === '"' && rad[i + 1] !== '"')) {
        varde += rad[i] === '"' ? (i++, '"') : rad[i];
        i++;
      }
      i++;
      const slut = rad.slice(i).search(/[;,\t]/);
      falt.push(varde);
      i = slut < 0 ? rad.length + 1 : i + slut + 1;
    } else {
      const slut = rad.slice(i).search(/[;,\t]/);
      falt.push(slut < 0 ? rad.slice(i) : rad.slice(i, i + slut));
      i = slut < 0 ? rad.length + 1 : i + slut + 1;
    }
  }
  return falt.map((f) => f.trim());
}

/**
 * Name and address of a line: `Region Uppsala <registrator@regionuppsala.se>` (as mail programs
 * copy an address), or CSV with `;`, `,` or a tab (`Region Uppsala;registrator@regionuppsala.se`,
 * as a spreadsheet exports it). Which field is the address is found by its `@`, so the columns may
 * come in either order; a name with a comma needs quotes in CSV, or the `<…>` form.
 */
function tolka(rad: string): { namn: string; epost: string } | { orsak: string } {
  const vinkel = /^(.*?)<([^<>]*)>\s*$/.exec(rad);
  let namn: string;
  let epost: string;
  if (vinkel) {
    namn = vinkel[1].trim().replace(/^"(.*)"$/, '$1');
    epost = vinkel[2].trim();
  } else {
    const falt = csvFalt(rad).filter((f) => f !== '');
    const adresser = falt.filter((f) => f.includes('@'));
    if (adresser.length === 0) return { orsak: 'raden saknar e-postadress' };
    if (adresser.length > 1) return { orsak: 'raden har mer än en e-postadress' };
    epost = adresser[0];
    namn = falt.filter((f) => !f.includes('@')).join(', ');
  }
  if (!isEmail(epost)) return { orsak: `${epost} är ingen giltig e-postadress` };
  if (epost.length > 254) return { orsak: 'e-postadressen är längre än 254 tecken' };
  if (namn.length < 2) return { orsak: 'raden saknar namn (minst 2 tecken)' };
  if (namn.length > 200) return { orsak: 'namnet är längre än 200 tecken' };
  return { namn, epost: epost.toLowerCase() };
}

/**
 * A pasted list or an imported CSV file, one recipient per line: each line is taken or refused
 * with its reason, never the whole list for one bad line. Blank lines and a header line are
 * skipped; an address twice (in the list, or among `redan`, the draft's own) is refused the second time.
 */
export function readMottagarlista(text: string, redan: ReadonlySet<string> = new Set()): Mottagarlista {
  const tagna: TagenRad[] = [];
  const avvisade: AvvisadRad[] = [];
  const sedda = new Set(redan);
  const rader = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (const [i, ratext] of rader.entries()) {
    const rad = i + 1;
    const trimmad = ratext.trim();
    if (!trimmad || (rad === 1 && RUBRIK.test(trimmad))) continue;
    if (tagna.length + avvisade.length >= MAX_RADER) {
      avvisade.push({ rad, text: trimmad, orsak: `listan har fler än ${MAX_RADER} rader; resten lästes inte` });
      break;
    }
    const tolkad = tolka(trimmad);
    if ('orsak' in tolkad) avvisade.push({ rad, text: trimmad, orsak: tolkad.orsak });
    else if (sedda.has(tolkad.epost))
      avvisade.push({ rad, text: trimmad, orsak: `${tolkad.epost} finns redan bland mottagarna` });
    else {
      sedda.add(tolkad.epost);
      tagna.push({ rad, ...tolkad });
    }
  }
  return { tagna, avvisade };
}

/**
 * A CSV file's text: UTF-8 (with or without its byte order mark), or, when it is not valid UTF-8,
 * Windows-1252, which Excel writes on Swedish Windows when asked for plain CSV.
 */
export function mottagarfilText(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('windows-1252').decode(data);
  }
}
