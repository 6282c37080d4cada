import { formatTidpunkt } from '@app/core';
import { type MallEpost, messageIdFor } from '@app/mail';

/** The invitation to set a first password: the one-time link and until when it works. */
export function inbjudanEpost(p: {
  till: { epost: string; namn: string };
  organisation: string;
  inbjudare: string;
  roll?: string;
  lank: string;
  giltigTill: Date;
  nyckel: string;
}): MallEpost {
  return {
    to: p.till.epost,
    subject: `Inbjudan till Remissplattformen för ${p.organisation}`,
    messageId: messageIdFor('konto-inbjudan', p.nyckel),
    mall: 'konto-inbjudan',
    data: {
      namn: p.till.namn,
      epost: p.till.epost,
      organisation: p.organisation,
      inbjudare: p.inbjudare,
      roll: p.roll,
      lank: p.lank,
      giltigTill: formatTidpunkt(p.giltigTill),
    },
  };
}

/** A password reset's one-time link. */
export function aterstallningEpost(p: {
  till: { epost: string; namn: string };
  lank: string;
  giltigTill: Date;
  nyckel: string;
}): MallEpost {
  return {
    to: p.till.epost,
    subject: 'Nytt lösenord till Remissplattformen',
    messageId: messageIdFor('konto-aterstallning', p.nyckel),
    mall: 'konto-aterstallning',
    data: { namn: p.till.namn, epost: p.till.epost, lank: p.lank, giltigTill: formatTidpunkt(p.giltigTill) },
  };
}
