import { Datum, formatDeadline } from '@app/core';
import { Remiss } from '@app/database';
import { Epost, messageIdFor } from '@app/mail';

/** The parts of an instans a mail needs. */
export interface EpostMottagare {
  id: string;
  namn: string;
  epost: string;
  svarsdatum: Datum;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function kontakt(remiss: Remiss): string[] {
  const delar = [remiss.kontaktpersonNamn, remiss.kontaktpersonEpost, remiss.kontaktpersonTelefon].filter(Boolean);
  return delar.length ? [`Kontaktperson: ${delar.join(', ')}`] : [];
}

/** Plain text paragraphs → the mail's text and an HTML version with the same words. */
function epost(
  remiss: Remiss,
  mottagare: EpostMottagare,
  typ: string,
  amne: string,
  stycken: string[],
  variant = '',
): Epost {
  const text = [`Till ${mottagare.namn}`, ...stycken, ...kontakt(remiss)].join('\n\n');
  const html = `<!doctype html><html lang="sv"><body>${[`Till ${mottagare.namn}`, ...stycken, ...kontakt(remiss)]
    .map(
      (s) =>
        `<p>${escape(s)
          .replace(/\n/g, '<br>')
          .replace(/(https?:\/\/\S+)/g, '<a href="$1">$1</a>')}</p>`,
    )
    .join('')}</body></html>`;
  return {
    to: mottagare.epost,
    subject: `${remiss.diarienummer} ${amne}`,
    text,
    html,
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
): Epost {
  return epost(
    remiss,
    mottagare,
    'remiss',
    `Remiss: ${remiss.arendemening}`,
    [
      `${avsandare} skickar remissen "${remiss.arendemening}" (dnr ${remiss.diarienummer}) till er för yttrande.`,
      ...(lankId ? ['Tidigare länkar till remissen gäller inte längre; använd den här.'] : []),
      `Svara ${formatDeadline(mottagare.svarsdatum)}. Ange vårt diarienummer ${remiss.diarienummer} i svaret.`,
      `Remissen, remisshandlingarna och missivet finns här:\n${svarslank}`,
    ],
    lankId ? `.${lankId}` : '',
  );
}

export function anstandEpost(remiss: Remiss, mottagare: EpostMottagare, orsak: string): Epost {
  return epost(remiss, mottagare, 'anstand', `Anstånd beviljat: ${remiss.arendemening}`, [
    `Ni har fått anstånd med svaret på remissen "${remiss.arendemening}" (dnr ${remiss.diarienummer}).`,
    `Nytt svarsdatum: ${formatDeadline(mottagare.svarsdatum)}.`,
    `Skäl: ${orsak}`,
  ]);
}

export function aterkallelseEpost(remiss: Remiss, mottagare: EpostMottagare, orsak: string): Epost {
  return epost(remiss, mottagare, 'aterkallelse', `Remissen återkallas: ${remiss.arendemening}`, [
    `Remissen "${remiss.arendemening}" (dnr ${remiss.diarienummer}) har återkallats och ska inte besvaras.`,
    `Skäl: ${orsak}`,
    'Påbörjade svar sparas men kan inte längre ändras eller skickas.',
  ]);
}

/** To the remiss' kontaktperson: an external instans answered or declined through its link. */
export function externtSvarEpost(
  remiss: Remiss,
  instans: { id: string; namn: string },
  avstar: boolean,
): Epost | undefined {
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
    avstar ? 'externt-avstar' : 'externt-svar',
    `${avstar ? 'Avstår' : 'Svar'} från ${instans.namn}: ${remiss.arendemening}`,
    [
      avstar
        ? `${instans.namn} avstår från att yttra sig över remissen "${remiss.arendemening}".`
        : `${instans.namn} har svarat på remissen "${remiss.arendemening}". Svaret är registrerat som inkommande handling i ärende ${remiss.diarienummer}.`,
    ],
  );
}
