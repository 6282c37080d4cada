import { Datum, formatDeadline } from '@app/core';
import { Remiss } from '@app/database';
import { Epostmall, MallEpost, messageIdFor } from '@app/mail';

/** The parts of an instans a mail needs. */
export interface EpostMottagare {
  id: string;
  namn: string;
  epost: string;
  svarsdatum: Datum;
}

function kontakt(remiss: Remiss): string {
  return [remiss.kontaktpersonNamn, remiss.kontaktpersonEpost, remiss.kontaktpersonTelefon].filter(Boolean).join(', ');
}

/** A mail of templates/epost to one instans, with what every remiss mail says: whom to, the remiss, its contact. */
function epost(
  remiss: Remiss,
  mottagare: EpostMottagare,
  mall: Epostmall,
  typ: string,
  amne: string,
  data: object,
  variant = '',
): MallEpost {
  return {
    to: mottagare.epost,
    subject: `${remiss.diarienummer} ${amne}`,
    mall,
    data: {
      mottagare: mottagare.namn,
      arendemening: remiss.arendemening,
      diarienummer: remiss.diarienummer,
      kontakt: kontakt(remiss),
      ...data,
    },
    messageId: messageIdFor(typ, `${remiss.id}.${mottagare.id}.${remiss.version}${variant}`),
  };
}

/** The invitation: what the remiss is about, the deadline, and where to answer. `lankId` marks a re-issued link. */
export function utskickEpost(
  remiss: Remiss,
  mottagare: EpostMottagare,
  svarslank: string,
  avsandare: string,
  lankId?: string,
): MallEpost {
  return epost(
    remiss,
    mottagare,
    'remiss-utskick',
    'remiss',
    `Remiss: ${remiss.arendemening}`,
    { avsandare, nyLank: !!lankId, svaraSenast: formatDeadline(mottagare.svarsdatum), svarslank },
    lankId ? `.${lankId}` : '',
  );
}

export function anstandEpost(remiss: Remiss, mottagare: EpostMottagare, orsak: string): MallEpost {
  return epost(remiss, mottagare, 'remiss-anstand', 'anstand', `Anstånd beviljat: ${remiss.arendemening}`, {
    svaraSenast: formatDeadline(mottagare.svarsdatum),
    orsak,
  });
}

export function aterkallelseEpost(remiss: Remiss, mottagare: EpostMottagare, orsak: string): MallEpost {
  return epost(
    remiss,
    mottagare,
    'remiss-aterkallelse',
    'aterkallelse',
    `Remissen återkallas: ${remiss.arendemening}`,
    {
      orsak,
    },
  );
}

/** To the remiss' kontaktperson: an external instans answered or declined through its link. */
export function externtSvarEpost(
  remiss: Remiss,
  instans: { id: string; namn: string },
  avstar: boolean,
): MallEpost | undefined {
  if (!remiss.kontaktpersonEpost) return undefined;
  const kontakt = {
    id: instans.id,
    namn: remiss.kontaktpersonNamn ?? remiss.kontaktpersonEpost,
    epost: remiss.kontaktpersonEpost,
    svarsdatum: remiss.svarsdatum,
  };
  return epost(
    remiss,
    kontakt,
    'externt-svar',
    avstar ? 'externt-avstar' : 'externt-svar',
    `${avstar ? 'Avstår' : 'Svar'} från ${instans.namn}: ${remiss.arendemening}`,
    { instans: instans.namn, avstar },
  );
}
