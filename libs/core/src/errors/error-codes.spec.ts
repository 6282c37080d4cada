import { describe, expect, it } from '@jest/globals';
import { ATGARDER, Atgard, STATUSNAMN, Statusnamn, Tillstandsmaskin } from '../states/statusnamn';
import { DomainError, illegalTransition } from './domain-error';
import { ERROR_CODES, ErrorCode, ErrorParams } from './error-codes';
import { SVENSKA_REGLER } from './validation.pipe';

/** Words and raw names that give away a sentence built from English or from code. */
const ENGELSKA =
  /\b(the|for|when|in state|grant|add|remove|issue|send|decline|edit|cannot|not|is|of|to|and|with|state|status|avstar|for_beslut|under_beredning|aterkallad|pa_dagen|fore)\b/i;
const SVENSKT = /[åäöÅÄÖ]|\b(inte|är|och|att|på|för|en|ett|som|har|kan|finns|saknar|ingen|fil|fältet|länken|svar)\b/;

/** Parameters for every code (a code missing here does not compile), as a caller would pass them. */
const EXEMPEL: { [C in ErrorCode]: ErrorParams<C> } = {
  BAD_REQUEST: { message: 'Bad Request' },
  MALFORMED_JSON: { message: 'Unexpected end of JSON input' },
  METHOD_NOT_ALLOWED: { message: 'Method Not Allowed' },
  CONFLICT: { message: 'Conflict' },
  GONE: { message: 'Gone' },
  PAYLOAD_TOO_LARGE: { message: 'Request body is too large' },
  UNPROCESSABLE: { message: 'Unprocessable Entity' },
  UNAVAILABLE: { message: 'Service Unavailable' },
  INTERNAL: undefined,
  VALIDATION_FAILED: {
    message: 'svarsdatum must be a date',
    fel: [{ falt: 'svarsdatum', namn: 'svarsdatum', meddelande: 'Svarsdatum måste vara ett datum.' }],
  },
  INPUT_TOO_DEEP: { falt: 'synpunkter', svensktFalt: 'synpunkter', max: 32 },
  INVALID_TEXT: { falt: 'arendemening', svensktFalt: 'ärendemening', fel: 'NUL' },
  INVALID_VALUE: undefined,
  UNSUPPORTED_MEDIA_TYPE: { given: 'text/plain', accepted: ['application/json'] },
  VERSION_REQUIRED: undefined,
  UNAUTHENTICATED: undefined,
  INVALID_CREDENTIALS: undefined,
  FORBIDDEN: { message: 'This needs the role remissansvarig' },
  NOT_FOUND: { vad: 'Remiss' },
  CROSS_ORIGIN_REFUSED: undefined,
  ENHET_NOT_CHOSEN: undefined,
  CSRF_TOKEN_INVALID: { formField: '_csrf' },
  TOO_MANY_REQUESTS: { sekunder: 42, orsak: 'link' },
  LOGIN_LOCKED: { sekunder: 900, forKlienten: true },
  LOGIN_BUSY: { sekunder: 2 },
  DATABASE_BUSY: undefined,
  PDF_FAILED: { message: 'Chromium could not be started', koBorta: false },
  DUPLICATE: undefined,
  CONCURRENT_CHANGE: undefined,
  STALE_VERSION: { vad: 'remissvar', version: 3, nu: 4 },
  REMINDER_RULES_CHANGING: undefined,
  ILLEGAL_STATE: { maskin: 'remissinstans', status: 'avstar', atgard: 'bevilja' },
  REMISS_CLOSED: { status: 'aterkallad', atgard: 'redigeraSvar' },
  LINK_NOT_FOUND: undefined,
  LINK_USED: undefined,
  LINK_REVOKED: { kontaktperson: { namn: 'Anna Berg', epost: 'anna.berg@enkoping.se', telefon: '0171-625 000' } },
  LINK_EXPIRED: { kontaktperson: null },
  LINK_ANSWER_IN_PROGRESS: undefined,
  EXTERN_KONTAKTPERSON_SAKNAS: { saknas: ['namn', 'epost'] },
  NOT_A_DOCX: { filnamn: 'yttrande.doc' },
  NOT_EXTERNAL: undefined,
  INVALID_SVARSDATUM: {
    svarsdatum: '2026-12-26',
    orsak: 'Svarsdatum 2026-12-26 är en helgdag (annandag jul)',
    nasta: '2026-12-28',
  },
  INVALID_MOTTAGARE: { skal: 'ofullstandig', index: 0 },
  NO_MOTTAGARE: undefined,
  NO_REMISSHANDLING: undefined,
  DUPLICATE_RULE: { typ: 'fore', arbetsdagar: 3 },
  INVALID_RULE: { typ: 'pa_dagen', arbetsdagar: 0 },
  FILE_MISSING: undefined,
  TOO_MANY_FILES: undefined,
  TOO_MANY_FIELDS: undefined,
  MULTIPART_MALFORMED: { orsak: 'Unexpected end of form' },
  FILE_TOO_LARGE: { mb: 25 },
  NOT_A_PDF: { filnamn: 'yttrande.docx', format: 'en ZIP-fil (t.ex. Word- eller Excel-dokument)' },
  PDF_INSPECTION_BUSY: undefined,
  PDF_ENCRYPTED: { filnamn: 'policy.pdf' },
  PDF_CORRUPT: { filnamn: 'policy.pdf', detalj: 'Invalid PDF structure' },
  PDF_TOO_MANY_PAGES: { filnamn: 'policy.pdf', sidantal: 2001, maxSidor: 2000 },
  PDF_TEXT_TOO_LARGE: { filnamn: 'policy.pdf', mb: 20 },
  PDF_ACTIVE_CONTENT: { filnamn: 'program.pdf', engelska: 'a Launch action', svenska: 'en åtgärd som startar program' },
  PDF_TOO_COMPLEX: { filnamn: 'policy.pdf', budget: 'page time' },
  DIARIUM_SAKNAS: { enhet: 'Utbildningsnämnden' },
  INVALID_DIARIENUMMER: { angivet: 'UN-12', diarium: 'Utbildningsnämndens diarium', exempel: 'UN 2025/118' },
  DIARIENUMMER_TAKEN: { diarienummer: 'UN 2025/118' },
  REMISSVAR_FINNS: { remissvarId: '7f1c0c4e-2f7e-4a53-9d4a-0c6a1d9e7b10' },
  ANDRINGSFORSLAG_UTAN_TEXT: { falt: 'synpunkter.2', synpunkt: 3 },
  ANDRING_UTAN_ANDRINGSFORSLAG: { falt: 'synpunkter.2', synpunkt: 3 },
  REFERENS_OFULLSTANDIG: { falt: 'synpunkter.2', synpunkt: 3 },
  FOTNOT_SAKNAS: { falt: 'inledning', fotnot: 2 },
  REMISSHANDLING_SAKNAS: { synpunkt: 3 },
  SIDA_SAKNAS: { synpunkt: 3, sida: 99, titel: 'Förslag till policy', sidantal: 6 },
  CITAT_SAKNAS: { synpunkt: 3, sida: 5, titel: 'Förslag till policy' },
  CITAT_PA_ANNAN_SIDA: { synpunkt: 3, funnenSida: 6, angivenSida: 5, titel: 'Förslag till policy' },
  STRYKTEXT_PA_ANNAN_SIDA: { synpunkt: 3, funnenSida: 6, angivenSida: 5, titel: 'Förslag till policy' },
  STRYKTEXT_SAKNAS: { synpunkt: 3, sida: 5, titel: 'Förslag till policy' },
  // The registrator's diarium
  DIARIUM_PREFIX_TAKEN: { prefix: 'RJL' },
  INVALID_DIARIEFORMAT: { format: '{prefix}/{seq}' },
  // The e-arkiv export.
  EXPORT_TOM: undefined,
  EXPORT_INTE_KLAR: { status: 'skickar' },
  EXPORT_SEKRETESS: { antal: 2 },
  WEAK_PASSWORD: { falt: 'losenord', skal: 'lackt', min: 12, max: 256 },
  WRONG_PASSWORD: undefined,
  ACCOUNT_LINK_INVALID: undefined,
  LAST_ADMIN: { atgard: 'inaktivera' },
  ORGANISATIONSNUMMER_INVALID: { angivet: '232100-0017' },
  ORGANISATIONSNUMMER_TAKEN: { angivet: '232100-0016', organisation: 'Region Exempel' },
  EPOST_TAKEN: { falt: 'epost' },
  SANDLISTA_FINNS: { namn: 'Länets kommuner' },
  INSTANS_FINNS: { namn: 'Socialnämnden', falt: 'enhetId' },
  // The organisation admin's pages
  ENHET_KORTNAMN_UPPTAGET: { kortnamn: 'UN' },
  BREVHUVUD_KONTRAST: { falt: 'primarfarg', farg: '#d99a1e', kvot: '2,4:1', min: '4,5:1' },
  EMBLEM_OGILTIGT: { skal: 'handelse', detalj: 'onload' },
  KOPPLING_OGILTIG: { skal: 'okand' },
  MOTTAGARE_EJ_KOPPLAD: { organisationer: ['Vadstena kommun'] },
  MOTTAGARE_FORVALTNING: { enheter: ['Vadstena kommun, Barn- och utbildningsförvaltningen'] },
};

const make = (code: ErrorCode) =>
  new (DomainError as new (c: ErrorCode, p: unknown) => DomainError)(code, EXEMPEL[code]);

describe('every error code', () => {
  it.each(Object.keys(ERROR_CODES) as ErrorCode[])(
    '%s has an HTTP status, an English message and a Swedish text',
    (code) => {
      const e = make(code);
      expect(e.status).toBeGreaterThanOrEqual(400);
      expect(e.message.length).toBeGreaterThan(0);
      expect(e.svenska).toMatch(SVENSKT);
      expect(e.svenska).not.toMatch(ENGELSKA);
    },
  );

  it('reads each variant of a code with variants as Swedish', () => {
    const varianter = [
      new DomainError('INVALID_MOTTAGARE', { skal: 'okand', enhetId: 'e1' }),
      new DomainError('INVALID_MOTTAGARE', { skal: 'borta', enhetId: 'e1' }),
      new DomainError('INVALID_MOTTAGARE', { skal: 'dubblett', nyckel: 'a@b.se' }),
      new DomainError('STALE_VERSION', { vad: 'remiss', version: 1, nu: 2 }),
      new DomainError('STALE_VERSION', { vad: 'remiss', underUtskrift: true }),
      new DomainError('STALE_VERSION', { vad: 'remissvar', underUtskrift: true }),
      new DomainError('STALE_VERSION', {
        vad: 'remissvar',
        version: 1,
        nu: 3,
        andringar: [2, 3].map((version) => ({
          version,
          andring: 'Synpunkt 2 ändrad.',
          createdAt: new Date(),
          anvandare: { id: `a${version}`, namn: version === 2 ? 'Anna Berg' : 'Erik Holm' },
        })),
      }),
      new DomainError('TOO_MANY_REQUESTS', { sekunder: 1, orsak: 'login' }),
      new DomainError('TOO_MANY_REQUESTS', { sekunder: 1, orsak: 'inloggningsko' }),
      new DomainError('LOGIN_LOCKED', { sekunder: 30, forKlienten: false }),
      new DomainError('PDF_FAILED', { message: 'Redis away', koBorta: true }),
      new DomainError('INVALID_RULE', { typ: 'efter', arbetsdagar: 1 }),
      new DomainError('REMISS_CLOSED', { status: 'avslutad' }),
      new DomainError('INVALID_TEXT', { falt: '', svensktFalt: '', fel: 'SURROGATE' }),
      new DomainError('PDF_TOO_COMPLEX', { filnamn: 'a.pdf', budget: 'memory' }),
      new DomainError('MOTTAGARE_EJ_KOPPLAD', { organisationer: ['Vadstena kommun', 'Region Östergötland'] }),
    ];
    for (const e of varianter) {
      expect(e.svenska).toMatch(SVENSKT);
      expect(e.svenska).not.toMatch(ENGELSKA);
    }
  });

  it('refuses an unknown code or missing parameters when compiling (npm run typecheck)', () => {
    // @ts-expect-error: not a code of ERROR_CODES (merged into REMISS_CLOSED)
    expect(() => new DomainError('REMISS_STANGD')).toThrow(TypeError);
    // @ts-expect-error: NOT_FOUND needs { vad }
    expect(() => new DomainError('NOT_FOUND')).toThrow(TypeError);
  });

  it("places a synpunkt's refusal at that synpunkt's field, so a form shows it there", () => {
    const annanSida = new DomainError('CITAT_PA_ANNAN_SIDA', EXEMPEL.CITAT_PA_ANNAN_SIDA);
    expect(annanSida.fel).toEqual([
      { falt: 'synpunkter.2.citat', meddelande: 'Citatet finns på sidan 6, inte på sidan 5' },
    ]);
    expect(new DomainError('STRYKTEXT_SAKNAS', EXEMPEL.STRYKTEXT_SAKNAS).fel?.[0].falt).toBe('synpunkter.2.strykText');
    expect(new DomainError('SIDA_SAKNAS', EXEMPEL.SIDA_SAKNAS).fel?.[0].falt).toBe('synpunkter.2.sida');
  });

  it('names the organisations that no longer accept a remiss, one or several', () => {
    const en = new DomainError('MOTTAGARE_EJ_KOPPLAD', { organisationer: ['Vadstena kommun'] });
    const flera = new DomainError('MOTTAGARE_EJ_KOPPLAD', {
      organisationer: ['Heby kommun', 'Region Östergötland', 'Vadstena kommun'],
    });
    expect([en.status, en.details, en.svenska]).toEqual([
      409,
      { organisationer: ['Vadstena kommun'] },
      'Vadstena kommun tar inte längre emot remisser från er organisation. Ta bort dess enheter bland mottagarna innan remissen skickas.',
    ]);
    expect(flera.svenska).toBe(
      'Heby kommun, Region Östergötland och Vadstena kommun tar inte längre emot remisser från er organisation. Ta bort deras enheter bland mottagarna innan remissen skickas.',
    );
  });

  it('names the enheter that became förvaltningar, one or several', () => {
    const en = new DomainError('MOTTAGARE_FORVALTNING', { enheter: ['Vadstena kommun, Barn- och utbildningsnämnden'] });
    expect([en.status, en.details, en.svenska]).toEqual([
      409,
      { enheter: ['Vadstena kommun, Barn- och utbildningsnämnden'] },
      'Vadstena kommun, Barn- och utbildningsnämnden är numera en förvaltning och tar inte emot remisser i eget namn. Ta bort den bland mottagarna innan remissen skickas.',
    ]);
    expect(
      new DomainError('MOTTAGARE_FORVALTNING', {
        enheter: ['Heby kommun, Miljöförvaltningen', 'Vadstena kommun, Socialförvaltningen'],
      }).svenska,
    ).toBe(
      'Heby kommun, Miljöförvaltningen och Vadstena kommun, Socialförvaltningen är numera förvaltningar och tar inte emot remisser i eget namn. Ta bort dem bland mottagarna innan remissen skickas.',
    );
  });

  it('says how long to wait in Retry-After and in words', () => {
    const e = new DomainError('TOO_MANY_REQUESTS', { sekunder: 41.2, orsak: 'link' });
    expect([e.status, e.details, e.svenska]).toEqual([
      429,
      { retryAfterSeconds: 42 },
      'För många förfrågningar till personliga länkar från din adress. Försök igen om 42 sekunder.',
    ]);
  });
});

describe('every validation check', () => {
  it.each(Object.keys(SVENSKA_REGLER))('%s says what is wrong in Swedish', (check) => {
    const text = SVENSKA_REGLER[check]('Svarsdatum', check === 'isIn' ? [['asc', 'desc']] : [5]);
    expect(text).toMatch(/^Svarsdatum /);
    expect(text).toMatch(SVENSKT);
    expect(text).not.toMatch(ENGELSKA);
  });
});

describe('every state', () => {
  const tillstand = Object.entries(STATUSNAMN).flatMap(([maskin, statusar]) =>
    Object.entries(statusar as Record<string, Statusnamn>).map(([status, namn]) => [maskin, status, namn] as const),
  );

  it.each(tillstand)('%s %s has a Swedish display name and clause', (_maskin, _status, { namn, sats }) => {
    for (const text of [namn, sats]) {
      expect(text).not.toMatch(ENGELSKA);
      expect(text).not.toContain('_');
    }
  });

  it.each(Object.keys(ATGARDER) as Atgard[])(
    'the action %s refused in every state reads as a Swedish sentence',
    (atgard) => {
      for (const [maskin, status] of tillstand) {
        const e = illegalTransition(maskin as Tillstandsmaskin, status as never, atgard);
        expect(e.svenska).toMatch(/^Det går inte att [a-zåäö ]+ när [a-zåäö]+ [a-zåäö ]+\.$/);
        expect(e.svenska).not.toMatch(ENGELSKA);
        expect(e.details).toEqual({ currentState: status });
      }
    },
  );

  it('names the action and the state as people say them', () => {
    expect(illegalTransition('remissinstans', 'avstar', 'bevilja').svenska).toBe(
      'Det går inte att bevilja anstånd när remissinstansen har avstått.',
    );
    expect(illegalTransition('remiss', 'utskickad', 'laggTillRemisshandling').svenska).toBe(
      'Det går inte att lägga till en remisshandling när remissen är utskickad.',
    );
    expect(illegalTransition('remiss', 'avslutad', 'aterkalla').svenska).toBe(
      'Det går inte att återkalla remissen när den är avslutad.',
    );
    expect(illegalTransition('remissinstans', 'avstar', 'bevilja').message).toBe(
      "Cannot grant anstånd for remissinstans in state 'avstar'",
    );
  });
});
