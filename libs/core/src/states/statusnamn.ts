/**
 * How people read a state: its display name in a list or a badge (`namn`), and the clause a sentence
 * uses after the subject (`remissinstansen har avstått`). The one place the web UI and the error texts
 * take them from; libs/database's status lists are checked against it (statusnamn.spec.ts there).
 */
export interface Statusnamn {
  namn: string;
  sats: string;
}

export const STATUSNAMN = {
  remiss: {
    utkast: { namn: 'utkast', sats: 'är ett utkast' },
    utskickad: { namn: 'utskickad', sats: 'är utskickad' },
    avslutad: { namn: 'avslutad', sats: 'är avslutad' },
    aterkallad: { namn: 'återkallad', sats: 'är återkallad' },
  },
  remissinstans: {
    inbjuden: { namn: 'inbjuden', sats: 'är inbjuden' },
    registrerad: { namn: 'registrerad', sats: 'redan är registrerad' },
    under_beredning: { namn: 'under beredning', sats: 'är under beredning' },
    besvarad: { namn: 'besvarad', sats: 'redan har svarat' },
    avstar: { namn: 'avstått', sats: 'har avstått' },
    // Remissuppföljning (#14): the remiss was avslutad before the instans answered.
    stangd: { namn: 'stängd utan svar', sats: 'är stängd utan svar' },
  },
  remissvar: {
    utkast: { namn: 'utkast', sats: 'är ett utkast' },
    for_beslut: { namn: 'för beslut', sats: 'ligger för beslut' },
    beslutat: { namn: 'beslutat', sats: 'är beslutat' },
    expedierat: { namn: 'expedierat', sats: 'redan är expedierat' },
  },
  paminnelse: {
    planerad: { namn: 'planerad', sats: 'är planerad' },
    skickar: { namn: 'skickas', sats: 'skickas just nu' },
    skickad: { namn: 'skickad', sats: 'är skickad' },
    avbruten: { namn: 'avbruten', sats: 'är avbruten' },
    misslyckad: { namn: 'misslyckad', sats: 'kunde inte skickas' },
  },
  // The diarium's ärenden (issue #15).
  arende: {
    oppet: { namn: 'öppet', sats: 'är öppet' },
    avslutat: { namn: 'avslutat', sats: 'redan är avslutat' },
  },
  // An e-arkiv export is an outbox row: its states are the outbox's, named for a package being built.
  earkiv_export: {
    planerad: { namn: 'köad', sats: 'väntar på att byggas' },
    skickar: { namn: 'byggs', sats: 'byggs just nu' },
    skickad: { namn: 'klar', sats: 'är klar' },
    avbruten: { namn: 'avbruten', sats: 'är avbruten' },
    misslyckad: { namn: 'misslyckades', sats: 'kunde inte byggas' },
  },
} as const satisfies Record<string, Record<string, Statusnamn>>;

/**
 * A remissvar's overall position on the proposal (its `stallning`, not a state): the name a summary
 * counts under, and the clause the answer's PDF says after the answering nämnd ("Utbildningsnämnden
 * tillstyrker förslaget.").
 */
export const STALLNINGSNAMN = {
  tillstyrker: { namn: 'tillstyrker', sats: 'tillstyrker förslaget' },
  tillstyrker_med_andringar: {
    namn: 'tillstyrker med ändringar',
    sats: 'tillstyrker förslaget med de ändringar som framgår av detta yttrande',
  },
  avstyrker: { namn: 'avstyrker', sats: 'avstyrker förslaget' },
  inga_synpunkter: { namn: 'inga synpunkter', sats: 'har inga synpunkter på förslaget' },
} as const satisfies Record<string, Statusnamn>;

/** A synpunkt's kind (`typ`) as forms and summaries name it. */
export const SYNPUNKTSTYPNAMN = {
  medhall: 'Medhåll',
  invandning: 'Invändning',
  andringsforslag: 'Ändringsförslag',
  ovrigt: 'Övrigt',
} as const;

/** A state machine: remiss, remissinstans, remissvar, paminnelse, arende. */
export type Tillstandsmaskin = keyof typeof STATUSNAMN;
export type TillstandI<M extends Tillstandsmaskin> = keyof (typeof STATUSNAMN)[M] & string;

/** The subject a sentence about the machine's state starts with: "när remissen är utskickad". */
export const SUBJEKT: Record<Tillstandsmaskin, string> = {
  remiss: 'remissen',
  remissinstans: 'remissinstansen',
  remissvar: 'svaret',
  paminnelse: 'påminnelsen',
  arende: 'ärendet',
  earkiv_export: 'exporten',
};

/** What refers back to the subject when the action named it already: "återkalla remissen när den är avslutad". */
const PRONOMEN: Record<Tillstandsmaskin, string> = {
  remiss: 'den',
  remissinstans: 'den',
  remissvar: 'det',
  paminnelse: 'den',
  arende: 'det',
  earkiv_export: 'den',
};

/** The display name of a state ("under beredning"), for lists and badges. */
export function statusnamn<M extends Tillstandsmaskin>(maskin: M, status: TillstandI<M>): string {
  return (STATUSNAMN[maskin] as Record<string, Statusnamn>)[status].namn;
}

/** "remissinstansen har avstått"; "den är avslutad" after an action whose object is the same remiss. */
export function tillstandSats<M extends Tillstandsmaskin>(maskin: M, status: TillstandI<M>, atgard?: Atgard): string {
  const objekt: Tillstandsmaskin | undefined = atgard ? (ATGARDER[atgard] as Handling).objekt : undefined;
  const subjekt = objekt === maskin ? PRONOMEN[maskin] : SUBJEKT[maskin];
  return `${subjekt} ${(STATUSNAMN[maskin] as Record<string, Statusnamn>)[status].sats}`;
}

interface Handling {
  english: string;
  svenska: string;
  /** The machine the Swedish phrase names as its object ("återkalla remissen"). */
  objekt?: Tillstandsmaskin;
}

/**
 * What a caller tried when a state refused it: the English phrase of the API's message ("Cannot grant
 * anstånd for remissinstans in state 'avstar'") and the Swedish verb phrase of the sentence people read
 * ("Det går inte att bevilja anstånd när remissinstansen har avstått.").
 */
export const ATGARDER = {
  redigeraRemiss: { english: 'edit', svenska: 'ändra remissen', objekt: 'remiss' },
  redigeraSvar: { english: 'edit', svenska: 'ändra svaret', objekt: 'remissvar' },
  laggTillRemisshandling: { english: 'add a remisshandling to', svenska: 'lägga till en remisshandling' },
  taBortRemisshandling: { english: 'remove a remisshandling from', svenska: 'ta bort en remisshandling' },
  sammanstall: { english: 'compile answers to', svenska: 'sammanställa svaren' },
  svara: { english: 'answer', svenska: 'svara' },
  bevilja: { english: 'grant anstånd for', svenska: 'bevilja anstånd' },
  skicka: { english: 'send', svenska: 'skicka remissen', objekt: 'remiss' },
  aterkalla: { english: 'withdraw', svenska: 'återkalla remissen', objekt: 'remiss' },
  avsluta: { english: 'close', svenska: 'avsluta remissen', objekt: 'remiss' },
  nyLank: { english: 'issue a link for', svenska: 'skicka en ny länk' },
  registrera: { english: 'register', svenska: 'registrera remissen' },
  paborja: { english: 'draft an answer to', svenska: 'börja skriva ett svar' },
  forBeslut: { english: 'send for decision', svenska: 'lämna svaret för beslut', objekt: 'remissvar' },
  tillUtkast: { english: 'return to draft', svenska: 'göra svaret till ett utkast igen', objekt: 'remissvar' },
  besluta: { english: 'record the decision for', svenska: 'registrera beslutet' },
  expediera: { english: 'send', svenska: 'expediera svaret', objekt: 'remissvar' },
  avsta: { english: 'decline', svenska: 'avstå från att svara' },
  // The diarium's ärenden (issue #15).
  avslutaArende: { english: 'close', svenska: 'avsluta ärendet', objekt: 'arende' },
  registreraHandling: {
    english: 'register a handling in',
    svenska: 'registrera en handling i ärendet',
    objekt: 'arende',
  },
  // Compiling (#14): the sender's ställningstagande on a synpunkt.
  taStallning: {
    english: 'record a ställningstagande on',
    svenska: 'ta ställning till synpunkter i remissen',
    objekt: 'remiss',
  },
  // Remissuppföljning (#14)
  laggTillInstans: { english: 'add a remissinstans to', svenska: 'lägga till en remissinstans' },
  registreraMottagetSvar: { english: 'register a received answer for', svenska: 'registrera ett inkommet svar' },
  paminna: { english: 'remind', svenska: 'skicka en påminnelse' },
} as const satisfies Record<string, Handling>;

export type Atgard = keyof typeof ATGARDER;

// Compiling (#14): the sender's ställningstagande on a synpunkt (not a state: a position with its history).
/**
 * `namn` for lists and the CSV ("beaktas delvis"); `motiveringKravs` where the tjänsteskrivelse must say
 * why: a synpunkt not (fully) taken into account is explained to the instans that made it.
 */
export const STALLNINGSTAGANDENAMN = {
  beaktas: { namn: 'beaktas', motiveringKravs: false },
  beaktas_delvis: { namn: 'beaktas delvis', motiveringKravs: true },
  beaktas_inte: { namn: 'beaktas inte', motiveringKravs: true },
  noteras: { namn: 'noteras', motiveringKravs: false },
} as const satisfies Record<string, { namn: string; motiveringKravs: boolean }>;
