import { HttpStatus } from '@nestjs/common';
import { ATGARDER, Atgard, STATUSNAMN, TillstandI, tillstandSats, Tillstandsmaskin } from '../states/statusnamn';

/** One field's refusal, shown beside the field of a form: `falt` is the path in the request, `meddelande` Swedish. */
export interface FaltFel {
  falt: string;
  meddelande: string;
}

/** What a code answers: its HTTP status, the English message (API users), the Swedish text (people). */
export interface ErrorSpec<P> {
  status: HttpStatus;
  message: (p: P) => string;
  svenska: (p: P) => string;
  details?: (p: P) => Record<string, unknown>;
  /** The refused fields, given the parameters and the code's Swedish text. */
  fel?: (p: P, svenska: string) => FaltFel[];
}

const spec = <P = void>(
  status: HttpStatus,
  message: (p: P) => string,
  svenska: (p: P) => string,
  extra: Pick<ErrorSpec<P>, 'details' | 'fel'> = {},
): ErrorSpec<P> => ({ status, message, svenska, ...extra });

/** A refusal of one form field (`fil`), placed at that field: the form shows the code's Swedish text beside it. */
const vidFalt =
  (falt: string) =>
  (_p: unknown, svenska: string): FaltFel[] => [{ falt, meddelande: svenska }];

/** "42 sekunder", "15 minuter": how long a caller is told to wait. */
export function svenskVantetid(seconds: number): string {
  if (seconds < 120) return seconds === 1 ? '1 sekund' : `${seconds} sekunder`;
  return `${Math.ceil(seconds / 60)} minuter`;
}

/** Whole seconds, at least one: what Retry-After and the texts say. */
const heltSekunder = (s: number) => Math.max(1, Math.ceil(s));
const retryAfter = (p: { sekunder: number }) => ({ retryAfterSeconds: heltSekunder(p.sekunder) });

export interface IllegalState {
  maskin: Tillstandsmaskin;
  status: string;
  atgard: Atgard;
}

/** One save another person made since the version an edit is based on: what a page shows beside the user's own text. */
export interface AndringSedan {
  version: number;
  /** What changed, in Swedish ("Synpunkt 2 ändrad; ställning ändrad till avstyrker."). */
  andring: string;
  createdAt: Date;
  anvandare: { id: string; namn: string } | null;
}

export type StaleVersion =
  | { vad: 'remiss' | 'remissvar'; version: number; nu: number; andringar?: AndringSedan[] }
  | { vad: 'remiss' | 'remissvar'; underUtskrift: true };

/** "A", "A och B", "A, B och C". */
const uppraknat = (namn: string[]) =>
  namn.length === 1 ? namn[0] : `${namn.slice(0, -1).join(', ')} och ${namn.at(-1)}`;

/** "Erik Holm", "Erik Holm och Anna Berg": who saved since, for the stale save's sentence. */
function vilka(andringar: AndringSedan[]): string {
  const namn = [...new Set(andringar.map((a) => a.anvandare?.namn).filter((n): n is string => !!n))];
  return namn.length === 0 ? 'någon annan' : uppraknat(namn);
}

/**
 * A refusal of one synpunkt's field, placed at that field (`synpunkter.1.citat`) so that a form
 * shows the code's Swedish text there, beside what the user wrote.
 */
const vidSynpunkt =
  (falt: string) =>
  (p: { synpunkt: number }, svenska: string): FaltFel[] => [
    { falt: `synpunkter.${p.synpunkt - 1}.${falt}`, meddelande: svenska },
  ];

/** Why an uploaded emblem was refused (libs/brevhuvud, emblem.ts). */
export type EmblemSkal = 'tom' | 'storlek' | 'typ' | 'png' | 'svg' | 'element' | 'skript' | 'handelse' | 'extern';

const EMBLEMFEL: Record<EmblemSkal, (detalj: string) => string> = {
  tom: () => 'Filen är tom. Välj emblemet som SVG eller PNG.',
  storlek: () => 'Emblemet får vara högst 512 kB.',
  typ: () => 'Emblemet ska vara en SVG- eller PNG-fil.',
  png: () => 'Filen är ingen giltig PNG-bild.',
  svg: (d) => `SVG-filen kan inte tas emot: den innehåller ${d}.`,
  element: (d) => `SVG-filen innehåller ${d}, som ett emblem inte får innehålla.`,
  skript: (d) => `SVG-filen innehåller skript (${d}). Ta bort det och ladda upp filen igen.`,
  handelse: (d) =>
    `SVG-filen innehåller händelseattributet ${d}, som kan köra skript. Ta bort det och ladda upp filen igen.`,
  extern: (d) =>
    `SVG-filen hämtar innehåll utifrån (${d}). Ett emblem får bara innehålla sina egna former och inbäddade bilder.`,
};

export type InvalidMottagare =
  | { skal: 'ofullstandig'; index: number }
  | { skal: 'okand'; enhetId: string }
  | { skal: 'borta'; enhetId: string }
  | { skal: 'dubblett'; nyckel: string };

/** A reminder rule's kind as people read it. */
const REGELTYP: Record<string, string> = {
  fore: 'före svarsdatum',
  pa_dagen: 'på svarsdagen',
  efter: 'efter svarsdatum',
  veckovis: 'veckovis efter svarsdatum',
};
const regel = (typ: string) => `Regeln ”${REGELTYP[typ] ?? typ}”`;

/** What a 404 says is missing, in Swedish (its English name is the key, as the message says it). */
const SAKNAS = {
  Arkivhandling: 'Den arkiverade handlingen',
  Diarium: 'Diariet',
  Enhet: 'Enheten',
  'Externt svar': 'Det externa svaret',
  Handling: 'Handlingen',
  'Handlingens fil': 'Handlingens fil',
  Export: 'Exporten',
  Missiv: 'Missivet',
  Organisation: 'Organisationen',
  Remiss: 'Remissen',
  Remisshandling: 'Remisshandlingen',
  Remissinstans: 'Remissinstansen',
  Remissvar: 'Svaret',
  Anvandare: 'Användaren',
  Revision: 'Versionen',
  Route: 'Sidan',
  Sandlista: 'Sändlistan',
  'Sent PDF': 'Det expedierade svaret',
  'Sent Word file': 'Det expedierade svaret som Word-fil',
  Synpunkt: 'Synpunkten',
  Ärende: 'Ärendet',
} as const;
export type Saknas = keyof typeof SAKNAS;

/** The remiss' kontaktperson, whom an external instans with a link that no longer works is told to ask. */
export interface Kontaktuppgift {
  namn: string | null;
  epost: string | null;
  telefon: string | null;
}

/** "Kontakta remissens kontaktperson Anna Berg (anna.berg@enkoping.se, 0171-625 000)." */
const kontaktaSvenska = (k: Kontaktuppgift | null) => {
  const vagar = [k?.epost, k?.telefon].filter(Boolean).join(', ');
  if (!k?.namn && !vagar) return 'Kontakta kontaktpersonen för remissen.';
  return `Kontakta remissens kontaktperson ${[k?.namn, vagar && `(${vagar})`].filter(Boolean).join(' ')}.`;
};

const arbetsdagar = (n: number) => (n === 1 ? '1 arbetsdag' : `${n} arbetsdagar`);

const PDF_BUDGET: Record<'time' | 'page time' | 'memory', [english: string, svenska: string]> = {
  time: ['the time allowed for one file', 'den tar för lång tid'],
  'page time': ['the time allowed for one page', 'en sida tar för lång tid'],
  memory: ['the memory allowed for one file', 'den tar för mycket minne'],
};

/** Why a new password is refused (NIST SP 800-63B: length, not the address or name, not a known breached one). */
export type LosenordSkal = 'kort' | 'lang' | 'epost' | 'namn' | 'lackt';
type LosenordParam = { min: number; max: number };
const LOSENORD_SKAL: Record<LosenordSkal, [(p: LosenordParam) => string, (p: LosenordParam) => string]> = {
  kort: [(p) => `a password needs at least ${p.min} characters`, (p) => `Lösenordet måste ha minst ${p.min} tecken.`],
  lang: [(p) => `a password has at most ${p.max} characters`, (p) => `Lösenordet får ha högst ${p.max} tecken.`],
  epost: [
    () => 'a password must not contain the e-mail address',
    () => 'Lösenordet får inte innehålla din e-postadress.',
  ],
  namn: [() => 'a password must not be the name', () => 'Lösenordet får inte vara ditt namn.'],
  lackt: [
    () => 'this password is in a list of leaked passwords',
    () => 'Lösenordet finns i en lista över läckta lösenord och är lätt att gissa. Välj ett annat.',
  ],
};

/**
 * Every code the API answers with, closed: `new DomainError(code, params)` takes only these, and
 * error-codes.spec.ts reads every Swedish text. The few 422s of an answer's content carry the Swedish
 * sentence as `message` too (the UI has shown it as it is since before `meddelande`).
 */
export const ERROR_CODES = {
  // Requests the framework refuses before a handler runs (ApiExceptionFilter maps them by status).
  BAD_REQUEST: spec<{ message: string }>(
    HttpStatus.BAD_REQUEST,
    (p) => p.message,
    () => 'Begäran gick inte att tolka.',
  ),
  MALFORMED_JSON: spec<{ message: string }>(
    HttpStatus.BAD_REQUEST,
    (p) => p.message,
    () => 'Innehållet är inte giltig JSON.',
  ),
  METHOD_NOT_ALLOWED: spec<{ message: string }>(
    HttpStatus.METHOD_NOT_ALLOWED,
    (p) => p.message,
    () => 'Den här adressen tar inte emot den sortens begäran.',
  ),
  CONFLICT: spec<{ message: string }>(
    HttpStatus.CONFLICT,
    (p) => p.message,
    () => 'Begäran krockar med hur uppgifterna ser ut nu. Ladda om och försök igen.',
  ),
  GONE: spec<{ message: string }>(
    HttpStatus.GONE,
    (p) => p.message,
    () => 'Det du söker finns inte längre.',
  ),
  PAYLOAD_TOO_LARGE: spec<{ message: string }>(
    HttpStatus.PAYLOAD_TOO_LARGE,
    (p) => p.message,
    () => 'Det som skickades är för stort.',
  ),
  UNPROCESSABLE: spec<{ message: string }>(
    HttpStatus.UNPROCESSABLE_ENTITY,
    (p) => p.message,
    () => 'Uppgifterna gick inte att behandla.',
  ),
  UNAVAILABLE: spec<{ message: string }>(
    HttpStatus.SERVICE_UNAVAILABLE,
    (p) => p.message,
    () => 'Tjänsten är inte tillgänglig just nu. Försök igen om en stund.',
  ),
  INTERNAL: spec(
    HttpStatus.INTERNAL_SERVER_ERROR,
    () => 'Internal error',
    () => 'Något gick fel hos oss. Försök igen, och kontakta supporten om det upprepas.',
  ),

  // Input
  /** Each refused field with its Swedish name (`namn`) and sentence; `fel` of the body carries path and sentence. */
  VALIDATION_FAILED: spec<{ message: string; fel: (FaltFel & { namn: string })[] }>(
    HttpStatus.BAD_REQUEST,
    (p) => p.message,
    (p) => {
      const namn = [...new Set(p.fel.map((f) => f.namn))];
      return `Uppgifterna är inte giltiga: ${namn.length === 1 ? 'fältet' : 'fälten'} ${namn.join(', ')}`;
    },
    {
      details: (p) => ({ fields: [...new Set(p.fel.map((f) => f.falt.split('.')[0]))] }),
      fel: (p) => p.fel.map(({ falt, meddelande }) => ({ falt, meddelande })),
    },
  ),
  INPUT_TOO_DEEP: spec<{ falt: string; svensktFalt: string; max: number }>(
    HttpStatus.BAD_REQUEST,
    (p) => `${p.falt || 'the body'} is nested deeper than ${p.max} levels`,
    (p) => `Uppgifterna i ${p.falt ? `fältet ${p.svensktFalt}` : 'innehållet'} är nästlade i fler än ${p.max} nivåer`,
    { details: (p) => ({ fields: [p.falt] }) },
  ),
  INVALID_TEXT: spec<{ falt: string; svensktFalt: string; fel: 'NUL' | 'SURROGATE' }>(
    HttpStatus.BAD_REQUEST,
    (p) => `${p.falt || 'the body'} contains ${p.fel === 'NUL' ? 'a NUL character' : 'an unpaired UTF-16 surrogate'}`,
    (p) =>
      `${p.falt ? `Fältet ${p.svensktFalt}` : 'Innehållet'} innehåller ${
        p.fel === 'NUL' ? 'ett NUL-tecken' : 'ett ensamt surrogattecken (ogiltig Unicode)'
      }`,
    { details: (p) => ({ fields: [p.falt] }) },
  ),
  INVALID_VALUE: spec(
    HttpStatus.BAD_REQUEST,
    () => 'A value is outside what the platform can store',
    () => 'Ett av värdena ligger utanför det som kan sparas',
  ),
  UNSUPPORTED_MEDIA_TYPE: spec<{ given: string; accepted: readonly string[] }>(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    (p) => `This route accepts ${p.accepted.join(' or ')}, not ${p.given || 'a body without Content-Type'}`,
    (p) => `Innehållstypen ${p.given || '(ingen)'} tas inte emot här; skicka ${p.accepted.join(' eller ')}.`,
    { details: (p) => ({ accepted: p.accepted }) },
  ),
  VERSION_REQUIRED: spec(
    HttpStatus.PRECONDITION_REQUIRED,
    () => 'Send If-Match: "<version>" (the ETag you read) or version in the body',
    () => 'Versionen som ändringen bygger på saknas',
  ),

  // Access
  UNAUTHENTICATED: spec(
    HttpStatus.UNAUTHORIZED,
    () => 'Sign in first',
    () => 'Logga in först',
  ),
  INVALID_CREDENTIALS: spec(
    HttpStatus.UNAUTHORIZED,
    () => 'Wrong e-mail address or password',
    () => 'Fel e-postadress eller lösenord',
  ),
  FORBIDDEN: spec<{ message?: string } | void>(
    HttpStatus.FORBIDDEN,
    (p) => p?.message ?? 'You lack the role needed for this',
    () => 'Du saknar behörighet för detta',
  ),
  /** Also what is not the caller's to see: a 404 never says whether it exists. */
  NOT_FOUND: spec<{ vad: Saknas }>(
    HttpStatus.NOT_FOUND,
    (p) => `${p.vad} not found`,
    (p) => `${SAKNAS[p.vad]} finns inte, eller så saknar du åtkomst.`,
  ),
  CROSS_ORIGIN_REFUSED: spec(
    HttpStatus.FORBIDDEN,
    () => "Requests that change something are accepted only from the platform's own origin",
    () => 'Begäran kom från en annan webbplats än Remissplattformen och har avvisats.',
  ),
  ENHET_NOT_CHOSEN: spec(
    HttpStatus.CONFLICT,
    () => 'Choose the enhet to work in first',
    () => 'Välj först vilken enhet du arbetar för.',
  ),
  CSRF_TOKEN_INVALID: spec<{ formField: string }>(
    HttpStatus.FORBIDDEN,
    (p) =>
      `The session's CSRF token is missing or wrong: send the csrfToken from login or GET /api/auth/me as header X-CSRF-Token (or form field ${p.formField})`,
    () => 'Begäran saknar sessionens säkerhetstoken eller har fel token. Ladda om sidan och försök igen.',
  ),

  // Load and limits
  TOO_MANY_REQUESTS: spec<{ sekunder: number; orsak: 'login' | 'link' | 'konto' | 'inloggningsko' }>(
    HttpStatus.TOO_MANY_REQUESTS,
    (p) =>
      p.orsak === 'inloggningsko'
        ? 'Too many logins from your address are waiting; try again in a moment'
        : `Rate limit exceeded, retry in ${heltSekunder(p.sekunder)} seconds`,
    (p) =>
      p.orsak === 'inloggningsko'
        ? 'För många inloggningar från din adress väntar redan. Försök igen om en stund.'
        : `${
            p.orsak === 'login'
              ? 'För många misslyckade inloggningar från din adress.'
              : p.orsak === 'konto'
                ? 'För många förfrågningar om lösenord från din adress.'
                : 'För många förfrågningar till personliga länkar från din adress.'
          } Försök igen om ${svenskVantetid(heltSekunder(p.sekunder))}.`,
    { details: retryAfter },
  ),
  LOGIN_LOCKED: spec<{ sekunder: number; forKlienten: boolean }>(
    HttpStatus.TOO_MANY_REQUESTS,
    (p) =>
      p.forKlienten
        ? `Too many wrong passwords from your address; the account is locked for you for ${heltSekunder(p.sekunder)} more seconds`
        : `Too many wrong passwords; the account is locked for ${heltSekunder(p.sekunder)} more seconds`,
    (p) =>
      p.forKlienten
        ? `För många felaktiga inloggningsförsök från din adress. Kontot är spärrat för dig i ${svenskVantetid(heltSekunder(p.sekunder))} till.`
        : `För många felaktiga inloggningsförsök. Kontot är spärrat i ${svenskVantetid(heltSekunder(p.sekunder))} till.`,
    { details: retryAfter },
  ),
  LOGIN_BUSY: spec<{ sekunder: number }>(
    HttpStatus.SERVICE_UNAVAILABLE,
    () => 'Too many logins at once; try again in a few seconds',
    () => 'Inloggningen är hårt belastad just nu. Försök igen om några sekunder.',
    { details: retryAfter },
  ),
  DATABASE_BUSY: spec<{ message?: string } | void>(
    HttpStatus.SERVICE_UNAVAILABLE,
    (p) => p?.message ?? 'The database is busy; try again shortly',
    () => 'Databasen är överbelastad just nu. Försök igen om en stund.',
  ),
  PDF_FAILED: spec<{ message: string; koBorta?: boolean }>(
    HttpStatus.SERVICE_UNAVAILABLE,
    (p) => p.message,
    (p) =>
      p.koBorta
        ? 'Utskriftstjänsten går inte att nå just nu. Försök igen om en stund.'
        : 'PDF-dokumentet kunde inte skapas',
  ),

  // Concurrent changes
  DUPLICATE: spec(
    HttpStatus.CONFLICT,
    () => 'This already exists (an identical request was probably saved at the same moment); reload and try again',
    () => 'Uppgiften finns redan (troligen sparades samma sak samtidigt); ladda om och försök igen',
  ),
  CONCURRENT_CHANGE: spec(
    HttpStatus.CONFLICT,
    () => 'Someone else changed the same thing at the same moment; try again',
    () => 'Någon annan ändrade samma sak i samma ögonblick. Försök igen.',
  ),
  STALE_VERSION: spec<StaleVersion>(
    HttpStatus.CONFLICT,
    (p) =>
      'underUtskrift' in p
        ? `The ${p.vad} changed while it was being printed; send it again`
        : p.vad === 'remiss'
          ? `The remiss has changed since version ${p.version} (now ${p.nu})`
          : `The remissvar was saved by someone else: it is at version ${p.nu}, your edit is based on ${p.version}`,
    (p) =>
      'underUtskrift' in p
        ? p.vad === 'remiss'
          ? 'Remissen ändrades medan missivet skrevs ut; skicka den igen'
          : 'Svaret ändrades medan det skrevs ut; försök igen'
        : p.vad === 'remiss'
          ? 'Remissen har ändrats av någon annan; ladda om och försök igen'
          : `Svaret har ändrats av ${vilka(p.andringar ?? [])} sedan du öppnade det; ladda om och gör din ändring igen`,
    {
      details: (p) =>
        'underUtskrift' in p || p.vad === 'remiss' ? {} : { currentVersion: p.nu, andringar: p.andringar ?? [] },
    },
  ),
  REMINDER_RULES_CHANGING: spec(
    HttpStatus.CONFLICT,
    () => 'The reminder rules kept changing while the reminders were planned; try again',
    () => 'Påminnelsereglerna ändrades medan påminnelserna planerades. Försök igen.',
  ),

  // States
  ILLEGAL_STATE: spec<IllegalState>(
    HttpStatus.CONFLICT,
    (p) => `Cannot ${ATGARDER[p.atgard].english} ${p.maskin} in state '${p.status}'`,
    (p) =>
      `Det går inte att ${ATGARDER[p.atgard].svenska} när ${tillstandSats(p.maskin, p.status as never, p.atgard)}.`,
    { details: (p) => ({ currentState: p.status }) },
  ),
  /** The remiss is återkallad or avslutad: a state of a remiss that still exists (409), for the nämnd and for a link alike. */
  REMISS_CLOSED: spec<{ status: TillstandI<'remiss'>; atgard?: Atgard }>(
    HttpStatus.CONFLICT,
    (p) =>
      `The remiss is in state '${p.status}' and no longer open for answers${p.atgard ? ` (cannot ${ATGARDER[p.atgard].english} it)` : ''}`,
    (p) =>
      p.atgard
        ? `Det går inte att ${ATGARDER[p.atgard].svenska} när ${tillstandSats('remiss', p.status)}.`
        : `Remissen tar inte längre emot svar: den ${STATUSNAMN.remiss[p.status].sats}.`,
    { details: (p) => ({ currentState: p.status }) },
  ),

  // Personal links
  LINK_NOT_FOUND: spec(
    HttpStatus.NOT_FOUND,
    () => 'This link does not exist',
    () => 'Länken finns inte. Kontrollera att hela adressen från e-postmeddelandet kom med.',
  ),
  LINK_USED: spec(
    HttpStatus.GONE,
    () => 'This link has already been used to answer',
    () => 'Länken har redan använts för att svara på remissen.',
  ),
  LINK_REVOKED: spec<{ kontaktperson: Kontaktuppgift | null }>(
    HttpStatus.GONE,
    () => 'This link has been revoked by the sender',
    (p) => `Länken har återkallats av avsändaren. ${kontaktaSvenska(p.kontaktperson)}`,
    { details: (p) => ({ kontaktperson: p.kontaktperson }) },
  ),
  LINK_EXPIRED: spec<{ kontaktperson: Kontaktuppgift | null }>(
    HttpStatus.GONE,
    () => 'This link has expired',
    (p) => `Länken har slutat gälla. ${kontaktaSvenska(p.kontaktperson)}`,
    { details: (p) => ({ kontaktperson: p.kontaktperson }) },
  ),
  LINK_ANSWER_IN_PROGRESS: spec(
    HttpStatus.CONFLICT,
    () => 'An answer through this link is being received right now',
    () =>
      'Ett svar via länken tas emot just nu. Vänta en stund och öppna sedan länken igen för att se om svaret kom fram.',
  ),
  EXTERN_KONTAKTPERSON_SAKNAS: spec<{ saknas: ('namn' | 'epost')[] }>(
    HttpStatus.UNPROCESSABLE_ENTITY,
    (p) =>
      `An answer is sent with its kontaktperson: ${p.saknas.map((f) => `kontaktperson.${f}`).join(' and ')} missing`,
    () => 'Ange vem som svarar (namn och e-postadress) innan svaret skickas; kvittensen skickas dit.',
    {
      fel: (p) =>
        p.saknas.map((f) => ({
          falt: `kontaktperson.${f}`,
          meddelande: f === 'namn' ? 'Ange kontaktpersonens namn.' : 'Ange kontaktpersonens e-postadress.',
        })),
    },
  ),
  NOT_A_DOCX: spec<{ filnamn: string }>(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    (p) => `${p.filnamn} is not a Word file (.docx)`,
    (p) => `${p.filnamn} är inte en Word-fil (.docx). Bifoga svaret som .docx, eller bara som PDF.`,
    { fel: vidFalt('word') },
  ),
  NOT_EXTERNAL: spec(
    HttpStatus.BAD_REQUEST,
    () => 'Only external remissinstanser have links',
    () => 'Bara externa remissinstanser har personliga länkar',
  ),

  // The sender's side
  INVALID_SVARSDATUM: spec<{ svarsdatum: string; orsak: string; nasta: string }>(
    HttpStatus.BAD_REQUEST,
    (p) => `svarsdatum ${p.svarsdatum} is not allowed; the next valid date is ${p.nasta}`,
    (p) => `${p.orsak}. Närmaste möjliga svarsdatum är ${p.nasta}.`,
    { details: (p) => ({ nastaGiltigaDatum: p.nasta }), fel: vidFalt('svarsdatum') },
  ),
  INVALID_MOTTAGARE: spec<InvalidMottagare>(
    HttpStatus.BAD_REQUEST,
    (p) =>
      p.skal === 'ofullstandig'
        ? `mottagare[${p.index}] needs either enhetId or both namn and epost`
        : p.skal === 'okand'
          ? `Enhet ${p.enhetId} is not an enhet of an organisation on the platform`
          : p.skal === 'borta'
            ? `Enhet ${p.enhetId} is no longer on the platform`
            : `Recipient ${p.nyckel} is listed twice`,
    (p) =>
      p.skal === 'ofullstandig'
        ? `Mottagare ${p.index + 1} ska vara antingen en enhet eller en extern part med namn och e-post`
        : p.skal === 'okand'
          ? 'En av mottagarna finns inte på plattformen'
          : p.skal === 'borta'
            ? 'En av mottagarna finns inte längre på plattformen'
            : 'Samma mottagare finns med två gånger',
  ),
  NO_MOTTAGARE: spec(
    HttpStatus.BAD_REQUEST,
    () => 'A remiss needs at least one remissinstans before it is sent',
    () => 'Lägg till minst en remissinstans innan remissen skickas',
  ),
  NO_REMISSHANDLING: spec(
    HttpStatus.BAD_REQUEST,
    () => 'A remiss needs at least one remisshandling before it is sent',
    () => 'Ladda upp minst en remisshandling innan remissen skickas',
  ),
  DUPLICATE_RULE: spec<{ typ: string; arbetsdagar: number }>(
    HttpStatus.BAD_REQUEST,
    (p) => `Rule ${p.typ} ${p.arbetsdagar} is given twice`,
    (p) => `${regel(p.typ)} med ${arbetsdagar(p.arbetsdagar)} finns två gånger`,
  ),
  INVALID_RULE: spec<{ typ: string; arbetsdagar: 0 | 1 }>(
    HttpStatus.BAD_REQUEST,
    (p) =>
      p.arbetsdagar === 0 ? `A '${p.typ}' rule takes 0 working days` : `A '${p.typ}' rule needs at least 1 working day`,
    (p) =>
      p.arbetsdagar === 0
        ? `${regel(p.typ)} har 0 arbetsdagar`
        : `${regel(p.typ)} behöver minst ${arbetsdagar(p.arbetsdagar)}`,
  ),

  // Uploads and their PDF checks
  FILE_MISSING: spec(
    HttpStatus.BAD_REQUEST,
    () => 'No file was uploaded (multipart field "fil")',
    () => 'Ingen fil bifogades',
    { fel: vidFalt('fil') },
  ),
  TOO_MANY_FILES: spec(
    HttpStatus.BAD_REQUEST,
    () => 'Upload one file only (the multipart field "fil")',
    () => 'Bifoga bara en fil (fältet fil).',
  ),
  TOO_MANY_FIELDS: spec(
    HttpStatus.BAD_REQUEST,
    () => 'The form has more fields than an upload takes',
    () => 'Formuläret har fler fält än en uppladdning tar emot.',
  ),
  MULTIPART_MALFORMED: spec<{ orsak: string }>(
    HttpStatus.BAD_REQUEST,
    (p) => `The multipart body cannot be read (${p.orsak})`,
    () => 'Uppladdningen gick inte att läsa – formuläret är felaktigt eller ofullständigt. Försök igen.',
  ),
  FILE_TOO_LARGE: spec<{ mb: number }>(
    HttpStatus.PAYLOAD_TOO_LARGE,
    (p) => `The file is larger than ${p.mb} MB`,
    (p) => `Filen är större än ${p.mb} MB`,
    { fel: vidFalt('fil') },
  ),
  NOT_A_PDF: spec<{ filnamn: string; format?: string }>(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    (p) => `${p.filnamn} is not a PDF`,
    (p) => `${p.filnamn} är inte en PDF${p.format ? ` utan ${p.format}` : ''}. Ladda upp handlingen som PDF.`,
    { fel: vidFalt('fil') },
  ),
  PDF_INSPECTION_BUSY: spec(
    HttpStatus.SERVICE_UNAVAILABLE,
    () => 'Too many PDFs are being checked at the moment; try again shortly',
    () => 'Just nu granskas för många PDF-filer. Försök igen om en stund.',
  ),
  PDF_ENCRYPTED: spec<{ filnamn: string }>(
    HttpStatus.UNPROCESSABLE_ENTITY,
    (p) => `${p.filnamn} is encrypted or password protected`,
    (p) => `${p.filnamn} är krypterad eller lösenordsskyddad. Spara den utan lösenord och försök igen.`,
    { fel: vidFalt('fil') },
  ),
  PDF_CORRUPT: spec<{ filnamn: string; detalj?: string }>(
    HttpStatus.UNPROCESSABLE_ENTITY,
    (p) => `${p.filnamn} cannot be opened as a PDF (${p.detalj ?? 'unknown reason'})`,
    (p) => `${p.filnamn} går inte att öppna – filen är skadad eller ofullständig.`,
    { fel: vidFalt('fil') },
  ),
  PDF_TOO_MANY_PAGES: spec<{ filnamn: string; sidantal: number; maxSidor: number }>(
    HttpStatus.UNPROCESSABLE_ENTITY,
    (p) => `${p.filnamn} has ${p.sidantal} pages; at most ${p.maxSidor} are accepted`,
    (p) =>
      `${p.filnamn} har ${p.sidantal} sidor – högst ${p.maxSidor} sidor tas emot. Dela upp handlingen i flera filer.`,
    { details: (p) => ({ sidantal: p.sidantal, maxSidor: p.maxSidor }), fel: vidFalt('fil') },
  ),
  PDF_TEXT_TOO_LARGE: spec<{ filnamn: string; mb: number }>(
    HttpStatus.UNPROCESSABLE_ENTITY,
    (p) => `${p.filnamn} holds more than ${p.mb} MB of text`,
    (p) => `${p.filnamn} innehåller mer än ${p.mb} MB text. Dela upp handlingen i flera filer.`,
    { fel: vidFalt('fil') },
  ),
  PDF_ACTIVE_CONTENT: spec<{ filnamn: string; engelska: string; svenska: string }>(
    HttpStatus.UNPROCESSABLE_ENTITY,
    (p) => `${p.filnamn} contains ${p.engelska}, which is not accepted`,
    (p) =>
      `${p.filnamn} innehåller ${p.svenska}, vilket inte tas emot. Spara den som vanlig PDF (t.ex. PDF/A) och försök igen.`,
    { fel: vidFalt('fil') },
  ),
  PDF_TOO_COMPLEX: spec<{ filnamn: string; budget: 'time' | 'page time' | 'memory' }>(
    HttpStatus.UNPROCESSABLE_ENTITY,
    (p) => `${p.filnamn} could not be read within ${PDF_BUDGET[p.budget][0]}`,
    (p) =>
      `${p.filnamn} är för komplex för att läsas – ${PDF_BUDGET[p.budget][1]}. Spara den på nytt (t.ex. som PDF/A) och försök igen.`,
    { details: (p) => ({ budget: p.budget }), fel: vidFalt('fil') },
  ),

  // The nämnd's side
  DIARIUM_SAKNAS: spec<{ enhet: string }>(
    HttpStatus.CONFLICT,
    (p) => `${p.enhet} has no diarium to register in`,
    (p) => `${p.enhet} saknar diarium`,
  ),
  INVALID_DIARIENUMMER: spec<{ angivet: string; diarium: string; exempel: string }>(
    HttpStatus.BAD_REQUEST,
    (p) => `"${p.angivet}" is not a diarienummer of ${p.diarium} (expected e.g. ${p.exempel})`,
    (p) => `"${p.angivet}" är inte ett diarienummer i ${p.diarium} (till exempel ${p.exempel})`,
    // Every form that takes an entered dnr names its field `diarienummer`: a page shows the refusal beside it.
    {
      fel: (p) => [
        { falt: 'diarienummer', meddelande: `Skriv ett diarienummer i ${p.diarium}, till exempel ${p.exempel}.` },
      ],
    },
  ),
  DIARIENUMMER_TAKEN: spec<{ diarienummer: string }>(
    HttpStatus.CONFLICT,
    (p) => `Diarienummer ${p.diarienummer} is already in use`,
    (p) => `Diarienumret ${p.diarienummer} används redan`,
    { fel: (p) => [{ falt: 'diarienummer', meddelande: `Diarienumret ${p.diarienummer} används redan.` }] },
  ),
  REMISSVAR_FINNS: spec<{ remissvarId: string }>(
    HttpStatus.CONFLICT,
    () => 'This instans already has a remissvar; edit it instead',
    () => 'Det finns redan ett svar; redigera det',
    { details: (p) => ({ remissvarId: p.remissvarId }) },
  ),
  ANDRINGSFORSLAG_UTAN_TEXT: spec<{ falt: string; synpunkt: number }>(
    HttpStatus.BAD_REQUEST,
    (p) => `${p.falt}: an andringsforslag needs strykText, nyText or both`,
    (p) => `Ändringsförslag ${p.synpunkt} saknar text att stryka eller föreslagen text`,
    { fel: vidSynpunkt('strykText'), details: (p) => ({ synpunkt: p.synpunkt }) },
  ),
  ANDRING_UTAN_ANDRINGSFORSLAG: spec<{ falt: string; synpunkt: number }>(
    HttpStatus.BAD_REQUEST,
    (p) => `${p.falt}: strykText and nyText belong to an andringsforslag`,
    (p) => `Synpunkt ${p.synpunkt}: text att stryka eller ersätta hör till ett ändringsförslag`,
    { fel: vidSynpunkt('typ'), details: (p) => ({ synpunkt: p.synpunkt }) },
  ),
  REFERENS_OFULLSTANDIG: spec<{ falt: string; synpunkt: number }>(
    HttpStatus.BAD_REQUEST,
    (p) => `${p.falt}: a quotation or page needs both remisshandlingId and sida`,
    (p) => `Synpunkt ${p.synpunkt}: ange både remisshandling och sida`,
    { fel: vidSynpunkt('sida'), details: (p) => ({ synpunkt: p.synpunkt }) },
  ),
  FOTNOT_SAKNAS: spec<{ falt: string; fotnot: string | number }>(
    HttpStatus.BAD_REQUEST,
    (p) => `${p.falt}: footnote [^${p.fotnot}] has no text`,
    (p) => `Fotnot ${p.fotnot} saknar text`,
    // `falt` names the footnotes that lack one (`fotnoter`, `synpunkter.1.fotnoter`): a form shows it there.
    { fel: (p, svenska) => [{ falt: p.falt, meddelande: svenska }] },
  ),
  REMISSHANDLING_SAKNAS: spec<{ synpunkt: number }>(
    HttpStatus.UNPROCESSABLE_ENTITY,
    () => 'Remisshandlingen hör inte till den här remissen',
    () => 'Remisshandlingen hör inte till den här remissen',
    { fel: vidSynpunkt('remisshandlingId'), details: (p) => ({ synpunkt: p.synpunkt }) },
  ),
  SIDA_SAKNAS: spec<{ synpunkt: number; sida: number; titel: string; sidantal: number }>(
    HttpStatus.UNPROCESSABLE_ENTITY,
    (p) => `Sidan ${p.sida} finns inte i ${p.titel} (${p.sidantal} sidor)`,
    (p) => `Sidan ${p.sida} finns inte i ${p.titel} (${p.sidantal} sidor)`,
    { fel: vidSynpunkt('sida'), details: (p) => ({ synpunkt: p.synpunkt }) },
  ),
  CITAT_SAKNAS: spec<{ synpunkt: number; sida: number; titel: string }>(
    HttpStatus.UNPROCESSABLE_ENTITY,
    (p) => `Citatet finns inte på sidan ${p.sida} i ${p.titel}`,
    (p) => `Citatet finns inte på sidan ${p.sida} i ${p.titel}`,
    { fel: vidSynpunkt('citat'), details: (p) => ({ synpunkt: p.synpunkt }) },
  ),
  CITAT_PA_ANNAN_SIDA: spec<{ synpunkt: number; funnenSida: number; angivenSida: number; titel: string }>(
    HttpStatus.UNPROCESSABLE_ENTITY,
    (p) =>
      `Synpunkt ${p.synpunkt}: the quotation is on page ${p.funnenSida} of ${p.titel}, not on page ${p.angivenSida}`,
    (p) => `Citatet finns på sidan ${p.funnenSida}, inte på sidan ${p.angivenSida}`,
    {
      fel: vidSynpunkt('citat'),
      details: (p) => ({ synpunkt: p.synpunkt, funnenSida: p.funnenSida, angivenSida: p.angivenSida }),
    },
  ),
  STRYKTEXT_PA_ANNAN_SIDA: spec<{ synpunkt: number; funnenSida: number; angivenSida: number; titel: string }>(
    HttpStatus.UNPROCESSABLE_ENTITY,
    (p) =>
      `Synpunkt ${p.synpunkt}: the text to strike is on page ${p.funnenSida} of ${p.titel}, not on page ${p.angivenSida}`,
    (p) => `Texten att stryka finns på sidan ${p.funnenSida}, inte på sidan ${p.angivenSida}`,
    {
      fel: vidSynpunkt('strykText'),
      details: (p) => ({ synpunkt: p.synpunkt, funnenSida: p.funnenSida, angivenSida: p.angivenSida }),
    },
  ),
  STRYKTEXT_SAKNAS: spec<{ synpunkt: number; sida: number; titel: string }>(
    HttpStatus.UNPROCESSABLE_ENTITY,
    (p) => `Texten att stryka finns inte på sidan ${p.sida} i ${p.titel}`,
    (p) => `Texten att stryka finns inte på sidan ${p.sida} i ${p.titel}`,
    { fel: vidSynpunkt('strykText'), details: (p) => ({ synpunkt: p.synpunkt }) },
  ),
  // The registrator's diarium (issue #15)
  DIARIUM_PREFIX_TAKEN: spec<{ prefix: string }>(
    HttpStatus.CONFLICT,
    (p) => `The organisation already has a diarium with prefix ${p.prefix}`,
    (p) => `Det finns redan ett diarium med prefixet ${p.prefix}`,
    {
      fel: (p) => [
        { falt: 'prefix', meddelande: `Det finns redan ett diarium med prefixet ${p.prefix}. Välj ett annat.` },
      ],
    },
  ),
  INVALID_DIARIEFORMAT: spec<{ format: string }>(
    HttpStatus.BAD_REQUEST,
    (p) => `"${p.format}" is no diarienummer format: it needs {year} and {seq} (or {seq:N}), and may name {prefix}`,
    (p) => `"${p.format}" är inget format för diarienummer`,
    {
      fel: () => [
        {
          falt: 'format',
          meddelande:
            'Formatet måste innehålla {year} och {seq} (eller {seq:4} för fyra siffror), till exempel {prefix} {year}/{seq:4}.',
        },
      ],
    },
  ),

  // The e-arkiv export (libs/archive/src/export).
  EXPORT_TOM: spec(
    HttpStatus.UNPROCESSABLE_ENTITY,
    () => 'The selection holds no archived handling with a PDF/A rendition',
    () => 'Urvalet innehåller ingen arkiverad handling med PDF/A-fil att exportera.',
  ),
  EXPORT_INTE_KLAR: spec<{ status: string }>(
    HttpStatus.CONFLICT,
    (p) => `The package is not ready (${p.status})`,
    () => 'Paketet är inte färdigt än. Ladda om sidan om en stund.',
    { details: (p) => ({ currentState: p.status }) },
  ),
  /** The package would carry sekretess handlingar of enheter where the caller has no role: the diarium hides them from them. */
  EXPORT_SEKRETESS: spec<{ antal: number }>(
    HttpStatus.FORBIDDEN,
    (p) => `The selection holds ${p.antal} handlingar under sekretess at enheter where you hold no role`,
    (p) =>
      `Urvalet innehåller ${p.antal === 1 ? 'en sekretessmarkerad handling' : `${p.antal} sekretessmarkerade handlingar`} vid enheter där du inte har någon roll. Exporten görs av en registrator med roll där.`,
    { details: (p) => ({ antal: p.antal }) },
  ),

  // Accounts, organisations and the operator (#16: onboarding without SQL).
  WEAK_PASSWORD: spec<{ falt: string; skal: LosenordSkal; min: number; max: number }>(
    HttpStatus.BAD_REQUEST,
    (p) => `${p.falt}: ${LOSENORD_SKAL[p.skal][0](p)}`,
    (p) => LOSENORD_SKAL[p.skal][1](p),
    { fel: (p, svenska) => [{ falt: p.falt, meddelande: svenska }], details: (p) => ({ skal: p.skal }) },
  ),
  WRONG_PASSWORD: spec(
    HttpStatus.BAD_REQUEST,
    () => 'The current password is wrong',
    () => 'Ditt nuvarande lösenord stämmer inte.',
    { fel: vidFalt('nuvarandeLosenord') },
  ),
  ACCOUNT_LINK_INVALID: spec(
    HttpStatus.GONE,
    () => 'This link to set a password is unknown, used or expired',
    () => 'Länken går inte längre att använda: den är redan använd eller för gammal. Be om en ny länk.',
  ),
  LAST_ADMIN: spec<{ atgard: 'inaktivera' | 'taBortRoll' }>(
    HttpStatus.CONFLICT,
    (p) => `The organisation's last admin cannot be ${p.atgard === 'inaktivera' ? 'deactivated' : 'removed'}`,
    (p) =>
      `Det går inte att ${p.atgard === 'inaktivera' ? 'inaktivera' : 'ta bort administratörsrollen för'} organisationens sista administratör. Ge först någon annan rollen administratör.`,
  ),
  ORGANISATIONSNUMMER_INVALID: spec<{ angivet: string }>(
    HttpStatus.BAD_REQUEST,
    (p) => `organisationsnummer: ${p.angivet} is not an organisation number (NNNNNN-NNNN with its control digit)`,
    (p) =>
      `${p.angivet} är inte ett giltigt organisationsnummer. Skriv det som NNNNNN-NNNN; sista siffran är en kontrollsiffra.`,
    { fel: vidFalt('organisationsnummer') },
  ),
  ORGANISATIONSNUMMER_TAKEN: spec<{ angivet: string; organisation: string }>(
    HttpStatus.CONFLICT,
    (p) => `organisationsnummer: ${p.angivet} belongs to an organisation already`,
    (p) => `Organisationsnummer ${p.angivet} har redan ${p.organisation}.`,
    { fel: vidFalt('organisationsnummer') },
  ),
  EPOST_TAKEN: spec<{ falt: string }>(
    HttpStatus.CONFLICT,
    (p) => `${p.falt}: an account with this address exists already`,
    () => 'Det finns redan ett konto med den e-postadressen.',
    { fel: (p, svenska) => [{ falt: p.falt, meddelande: svenska }] },
  ),
  // The sender's sending pages (sändlistor).
  SANDLISTA_FINNS: spec<{ namn: string }>(
    HttpStatus.CONFLICT,
    (p) => `A sändlista named ${p.namn} already exists`,
    (p) => `Det finns redan en sändlista som heter ${p.namn}`,
    { fel: vidFalt('namn') },
  ),

  // Remissuppföljning (#14): what the sender does after sending.
  INSTANS_FINNS: spec<{ namn: string; falt: string }>(
    HttpStatus.CONFLICT,
    (p) => `${p.namn} is already a remissinstans of this remiss`,
    (p) => `${p.namn} har redan fått remissen`,
    { fel: (p, svenska) => [{ falt: p.falt, meddelande: svenska }] },
  ),

  // The organisation admin's pages (#16): enheter, letterhead, connections
  ENHET_KORTNAMN_UPPTAGET: spec<{ kortnamn: string }>(
    HttpStatus.CONFLICT,
    (p) => `Another enhet of the organisation already has the kortnamn ${p.kortnamn}`,
    (p) => `Kortnamnet ${p.kortnamn} används redan av en annan enhet i organisationen. Välj ett annat.`,
    { fel: vidFalt('kortnamn') },
  ),
  BREVHUVUD_KONTRAST: spec<{ falt: string; farg: string; kvot: string; min: string }>(
    HttpStatus.UNPROCESSABLE_ENTITY,
    (p) => `${p.falt} ${p.farg} has a contrast of ${p.kvot} against white; text needs at least ${p.min}`,
    (p) =>
      `Färgen ${p.farg} har kontrasten ${p.kvot} mot vitt papper. Text behöver minst ${p.min}; välj en mörkare färg.`,
    { fel: (p, svenska) => [{ falt: p.falt, meddelande: svenska }] },
  ),
  EMBLEM_OGILTIGT: spec<{ skal: EmblemSkal; detalj: string }>(
    HttpStatus.UNPROCESSABLE_ENTITY,
    (p) => `The emblem is refused: ${p.skal}${p.detalj ? ` (${p.detalj})` : ''}`,
    (p) => EMBLEMFEL[p.skal](p.detalj),
    { fel: vidFalt('emblem') },
  ),
  KOPPLING_OGILTIG: spec<{ skal: 'egen' | 'okand' }>(
    HttpStatus.UNPROCESSABLE_ENTITY,
    (p) => (p.skal === 'egen' ? 'An organisation is always connected to itself' : 'No such connected organisation'),
    (p) =>
      p.skal === 'egen'
        ? 'Den egna organisationen kan alltid skicka remisser till sig själv.'
        : 'Välj en organisation som är ansluten till plattformen.',
    { fel: vidFalt('organisationId') },
  ),
  /**
   * At send, or when a draft's list is saved as a sändlista: organisations whose enheter the draft names
   * have stopped accepting the sender's remisser since.
   */
  MOTTAGARE_EJ_KOPPLAD: spec<{ organisationer: string[] }>(
    HttpStatus.CONFLICT,
    (p) =>
      `${p.organisationer.join(', ')} no longer accept${p.organisationer.length === 1 ? 's' : ''} remisser from this organisation: remove their enheter from the recipients`,
    (p) =>
      `${uppraknat(p.organisationer)} tar inte längre emot remisser från er organisation. Ta bort ${p.organisationer.length === 1 ? 'dess' : 'deras'} enheter bland mottagarna innan remissen skickas.`,
    { details: (p) => ({ organisationer: p.organisationer }) },
  ),
  /**
   * At send, or when a draft's list is saved as a sändlista: enheter of other organisations the draft
   * names that their organisation has made förvaltningar since (a förvaltning prepares its nämnd's
   * answer and answers no remiss in its own name).
   */
  MOTTAGARE_FORVALTNING: spec<{ enheter: string[] }>(
    HttpStatus.CONFLICT,
    (p) =>
      p.enheter.length === 1
        ? `${p.enheter[0]} is now a förvaltning, which answers no remisser in its own name: remove it from the recipients`
        : `${p.enheter.join('; ')} are now förvaltningar, which answer no remisser in their own name: remove them from the recipients`,
    (p) =>
      `${uppraknat(p.enheter)} är numera ${p.enheter.length === 1 ? 'en förvaltning' : 'förvaltningar'} och tar inte emot remisser i eget namn. Ta bort ${p.enheter.length === 1 ? 'den' : 'dem'} bland mottagarna innan remissen skickas.`,
    { details: (p) => ({ enheter: p.enheter }) },
  ),
} satisfies Record<string, ErrorSpec<never>>;

export type ErrorCode = keyof typeof ERROR_CODES;
type TextOf<C extends ErrorCode> = (typeof ERROR_CODES)[C]['svenska'];
/** What a code's texts take; `undefined` for a code whose texts need nothing. */
type ParamOf<C extends ErrorCode> = Parameters<TextOf<C>>[0];
export type ErrorParams<C extends ErrorCode> = [ParamOf<C>] extends [never] ? undefined : ParamOf<C>;

/** The spec of a code, for the filter and the tests. */
export function errorSpec(code: ErrorCode): ErrorSpec<unknown> {
  return ERROR_CODES[code] as ErrorSpec<unknown>;
}
