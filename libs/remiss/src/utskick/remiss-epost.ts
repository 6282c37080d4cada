import { Datum, enhetMedOrganisation, formatDeadline } from '@app/core';
import { Enhet, Organisation, Remiss } from '@app/database';
import { Epostmall, MallEpost, messageIdFor } from '@app/mail';

/** The parts of an instans a mail needs. */
export interface EpostMottagare {
  id: string;
  namn: string;
  epost: string;
  svarsdatum: Datum;
  /** An external party (answers through its personal link), not an enhet on the platform. */
  extern: boolean;
}

/** Who sends a remiss' mails, named with its organisation (recipients are often of another one), and who answers replies. */
export interface Remissavsandare {
  namn: string;
  svaraTill?: string;
}

export function remissavsandare(
  remiss: Remiss,
  { organisation, enhet }: { organisation: Organisation; enhet: Enhet },
): Remissavsandare {
  return {
    namn: enhetMedOrganisation(enhet.namn, organisation.namn),
    svaraTill: remiss.kontaktpersonEpost ?? enhet.funktionsbrevlada ?? undefined,
  };
}

function kontakt(remiss: Remiss): string {
  return [remiss.kontaktpersonNamn, remiss.kontaktpersonEpost, remiss.kontaktpersonTelefon].filter(Boolean).join(', ');
}

/**
 * A mail of templates/epost about a remiss, with what every one says: whom to, the remiss, who sends
 * it, its contact. Subjects start with the sender's dnr, which registrators file mail by.
 */
function epost(
  remiss: Remiss,
  till: { id: string; namn: string; epost: string },
  avsandare: Remissavsandare,
  mall: Epostmall,
  typ: string,
  amne: string,
  data: object,
  variant = '',
): MallEpost {
  return {
    to: till.epost,
    avsandarnamn: avsandare.namn,
    replyTo: avsandare.svaraTill,
    subject: `${remiss.diarienummer} ${amne}`,
    mall,
    data: {
      mottagare: till.namn,
      avsandare: avsandare.namn,
      arendemening: remiss.arendemening,
      diarienummer: remiss.diarienummer,
      kontakt: kontakt(remiss),
      ...data,
    },
    messageId: messageIdFor(typ, `${remiss.id}.${till.id}.${remiss.version}${variant}`),
  };
}

/**
 * The invitation: what the remiss is about, the deadline, and where to answer (a nämnd's page of the
 * instans, an external party's personal link). `lankId` marks a re-issued link.
 */
export function utskickEpost(
  remiss: Remiss,
  mottagare: EpostMottagare,
  avsandare: Remissavsandare,
  svarslank: string,
  lankId?: string,
): MallEpost {
  return epost(
    remiss,
    mottagare,
    avsandare,
    'remiss-utskick',
    'remiss',
    lankId ? `Ny länk till remissen: ${remiss.arendemening}` : `Remiss från ${avsandare.namn}: ${remiss.arendemening}`,
    { nyLank: !!lankId, svaraSenast: formatDeadline(mottagare.svarsdatum), svarslank },
    lankId ? `.${lankId}` : '',
  );
}

/** `lank`: a nämnd's page of the instans (an external party keeps its personal link from the invitation). */
export function anstandEpost(
  remiss: Remiss,
  mottagare: EpostMottagare,
  avsandare: Remissavsandare,
  orsak: string,
  lank: string | undefined,
): MallEpost {
  return epost(
    remiss,
    mottagare,
    avsandare,
    'remiss-anstand',
    'anstand',
    `Anstånd till ${mottagare.svarsdatum}: ${remiss.arendemening}`,
    { svaraSenast: formatDeadline(mottagare.svarsdatum), orsak, lank },
  );
}

export function aterkallelseEpost(
  remiss: Remiss,
  mottagare: EpostMottagare,
  avsandare: Remissavsandare,
  orsak: string,
  lank: string | undefined,
): MallEpost {
  return epost(
    remiss,
    mottagare,
    avsandare,
    'remiss-aterkallelse',
    'aterkallelse',
    `Remissen återkallas: ${remiss.arendemening}`,
    { orsak, lank },
  );
}

/**
 * To the remiss' kontaktperson: an external instans answered or declined through its link. A reply
 * goes to the instans; the link opens the remiss' page.
 */
export function externtSvarEpost(
  remiss: Remiss,
  instans: { id: string; namn: string; externEpost: string | null },
  avstar: boolean,
  remisslank: string,
): MallEpost | undefined {
  if (!remiss.kontaktpersonEpost) return undefined;
  const kontaktperson = {
    id: instans.id,
    namn: remiss.kontaktpersonNamn ?? remiss.kontaktpersonEpost,
    epost: remiss.kontaktpersonEpost,
  };
  return epost(
    remiss,
    kontaktperson,
    { namn: instans.namn, svaraTill: instans.externEpost ?? undefined },
    'externt-svar',
    avstar ? 'externt-avstar' : 'externt-svar',
    `${instans.namn} ${avstar ? 'avstår' : 'har svarat'}: ${remiss.arendemening}`,
    { instans: instans.namn, avstar, remisslank },
  );
}

/**
 * A remisshandling added after sending, to every instans: what it is, what it corrects or
 * supplements (which stays as it was), and where to read it (a nämnd's page; an external party's
 * personal link from the invitation).
 */
export function kompletteringEpost(
  remiss: Remiss,
  mottagare: EpostMottagare,
  avsandare: Remissavsandare,
  handling: { id: string; titel: string; ersatter?: string; rattelse: boolean },
  lank: string | undefined,
): MallEpost {
  return epost(
    remiss,
    mottagare,
    avsandare,
    'remiss-komplettering',
    'komplettering',
    `${handling.rattelse ? 'Rättad' : 'Ny'} remisshandling: ${remiss.arendemening}`,
    {
      titel: handling.titel,
      ersatter: handling.ersatter,
      rattelse: handling.rattelse,
      svaraSenast: formatDeadline(mottagare.svarsdatum),
      lank,
    },
    `.${handling.id}`,
  );
}

/** To an instans still working when the remiss is avslutad: no answer is needed any more. */
export function avslutadEpost(
  remiss: Remiss,
  mottagare: EpostMottagare,
  avsandare: Remissavsandare,
  orsak: string | undefined,
  lank: string | undefined,
): MallEpost {
  return epost(
    remiss,
    mottagare,
    avsandare,
    'remiss-avslutad',
    'avslutad',
    `Remissen är avslutad: ${remiss.arendemening}`,
    { orsak, lank },
  );
}
