import { Datum, formatDeadline, Minne, workingDaysBetween } from '@app/core';
import { MallEpost } from '@app/mail';
import { isForsenad } from '../schema/paminnelseschema';

export interface Paminnelseuppgifter {
  typ: string;
  /** The day the reminder is for (its 08:00), from which days left are counted. */
  datum: Datum;
  svarsdatum: Datum;
  arendemening: string;
  /** The sender's dnr, e.g. KS2025/118: every subject starts with it, as registrators file mail by it. */
  diarienummer: string;
  /** The sending enhet with its organisation: "Kommunstyrelsen i Enköpings kommun". */
  avsandare: string;
  instans: string;
  /** The nämnd's own dnr, once registered. */
  egetDiarienummer: string | null;
  /** Null when the sender revoked the external instans' personal link: the reminder then says whom to ask for a new one. */
  lank: string | null;
  /** True when the link is the external instans' personal one. */
  personligLank: boolean;
  kontaktperson: { namn: string | null; epost: string | null; telefon: string | null };
}

/** A reminder's subject and the values of its template (templates/epost/paminnelse.*.hbs). */
export type Brev = Pick<MallEpost, 'subject' | 'mall' | 'data'>;

const arbetsdagar = (n: number) => `${n} ${n === 1 ? 'arbetsdag' : 'arbetsdagar'}`;

/** The subject's words before the ärendemening and after it, the first sentence's before it, and the sentence after the deadline. */
type Lage = { amne: string; efter: string; inledning: string; mening: string };

/** A burst of reminders at 08:00 shares a handful of (kind, day, svarsdatum): counted once each. */
const lagen = new Minne<Lage>();
const lage = (u: Paminnelseuppgifter): Lage =>
  lagen.get(`${isForsenad(u.typ)}/${u.datum}/${u.svarsdatum}`, () => computeLage(u));

/** What the reminder says about time: days left, today, or how late. */
function computeLage(u: Paminnelseuppgifter): Lage {
  if (isForsenad(u.typ)) {
    const sen = workingDaysBetween(u.svarsdatum, u.datum);
    return {
      amne: 'Försenat remissvar',
      efter: `svarstiden gick ut ${u.svarsdatum}`,
      inledning: 'Vi har ännu inte fått ert svar på remissen',
      mening: `Svarstiden gick ut ${u.svarsdatum} och svaret är ${arbetsdagar(sen)} försenat. Svara så snart som möjligt.`,
    };
  }
  if (u.datum >= u.svarsdatum)
    return {
      amne: 'Sista svarsdag i dag',
      efter: 'svara senast kl. 23.59',
      inledning: 'I dag är sista svarsdag för remissen',
      mening: 'I dag är sista dagen att svara.',
    };
  const kvar = workingDaysBetween(u.datum, u.svarsdatum);
  return {
    amne: 'Påminnelse om remissvar',
    efter: `svara ${formatDeadline(u.svarsdatum)}`,
    inledning: 'Det här är en påminnelse om remissen',
    mening: `Det återstår ${arbetsdagar(kvar)} till sista svarsdag.`,
  };
}

/** A reminder in Swedish: what its template needs to say it, in plain text and HTML alike. */
export function paminnelsebrev(u: Paminnelseuppgifter): Brev {
  const { amne, efter, inledning, mening } = lage(u);
  const kontakt = [u.kontaktperson.namn, u.kontaktperson.epost, u.kontaktperson.telefon].filter(Boolean).join(', ');
  const fakta: { namn: string; varde: string }[] = [
    { namn: 'Remiss', varde: u.arendemening },
    { namn: 'Avsändare', varde: u.avsandare },
    { namn: 'Avsändarens diarienummer', varde: u.diarienummer },
    ...(u.egetDiarienummer ? [{ namn: 'Ert diarienummer', varde: u.egetDiarienummer }] : []),
    { namn: 'Remissinstans', varde: u.instans },
    { namn: 'Sista svarsdag', varde: `${u.svarsdatum} kl. 23.59` },
  ];
  return {
    subject: `${u.diarienummer} ${amne}: ${u.arendemening} – ${efter}`,
    mall: 'paminnelse',
    data: {
      inledning,
      avsandare: u.avsandare,
      mening,
      arendemening: u.arendemening,
      fakta,
      svaraSenast: formatDeadline(u.svarsdatum),
      lank: u.lank,
      personligLank: u.personligLank,
      kontakt,
      fragaOmLank: kontakt || u.avsandare,
    },
  };
}
