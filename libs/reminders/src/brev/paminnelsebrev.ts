import { Datum, formatDeadline, Minne, workingDaysBetween } from '@app/core';
import { arForsenad } from '../schema/paminnelseschema';

export interface Paminnelseuppgifter {
  typ: string;
  /** The day the reminder is for (its 08:00), from which days left are counted. */
  datum: Datum;
  svarsdatum: Datum;
  arendemening: string;
  /** The sender's dnr, e.g. KS2025/118: every subject starts with it. */
  diarienummer: string;
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

export interface Brev {
  subject: string;
  text: string;
  html: string;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const arbetsdagar = (n: number) => `${n} ${n === 1 ? 'arbetsdag' : 'arbetsdagar'}`;

type Lage = { rubrik: string; mening: string };

/** A burst of reminders at 08:00 shares a handful of (kind, day, svarsdatum): counted once each. */
const lagen = new Minne<Lage>();
const lage = (u: Paminnelseuppgifter): Lage =>
  lagen.hamta(`${arForsenad(u.typ)}/${u.datum}/${u.svarsdatum}`, () => raknaLage(u));

/** What the reminder says about time: days left, today, or how late. */
function raknaLage(u: Paminnelseuppgifter): Lage {
  if (arForsenad(u.typ)) {
    const sen = workingDaysBetween(u.svarsdatum, u.datum);
    return {
      rubrik: 'Försenat remissvar',
      mening: `Svarstiden gick ut ${u.svarsdatum} och svaret är ${arbetsdagar(sen)} försenat. Svara så snart som möjligt.`,
    };
  }
  if (u.datum >= u.svarsdatum)
    return { rubrik: 'Påminnelse: sista svarsdag i dag', mening: 'I dag är sista dagen att svara.' };
  const kvar = workingDaysBetween(u.datum, u.svarsdatum);
  return { rubrik: 'Påminnelse om remissvar', mening: `Det återstår ${arbetsdagar(kvar)} till sista svarsdag.` };
}

/** A reminder in Swedish, plain text and HTML with the same content. */
export function paminnelsebrev(u: Paminnelseuppgifter): Brev {
  const { rubrik, mening } = lage(u);
  const svara = `Svara ${formatDeadline(u.svarsdatum)}`;
  const kontakt = [u.kontaktperson.namn, u.kontaktperson.epost, u.kontaktperson.telefon].filter(Boolean).join(', ');
  const fakta: [string, string][] = [
    ['Remiss', u.arendemening],
    ['Avsändare', u.avsandare],
    ['Avsändarens diarienummer', u.diarienummer],
    ...(u.egetDiarienummer ? [['Ert diarienummer', u.egetDiarienummer] as [string, string]] : []),
    ['Remissinstans', u.instans],
    ['Sista svarsdag', `${u.svarsdatum} kl. 23.59`],
  ];
  const lanktext = u.personligLank ? 'Er personliga länk för att svara' : 'Öppna remissen i Remissplattformen';
  const stangd = `Er personliga länk till remissen har stängts av avsändaren. Kontakta ${kontakt || u.avsandare} för att få en ny länk.`;
  const text = [
    'Hej!',
    '',
    `${rubrik} på remissen "${u.arendemening}".`,
    '',
    ...fakta.map(([k, v]) => `${k}: ${v}`),
    '',
    `${svara}.`,
    mening,
    '',
    u.lank ? `${lanktext}: ${u.lank}` : stangd,
    ...(kontakt ? ['', `Frågor om remissen besvaras av ${kontakt}.`] : []),
    '',
    'Det här meddelandet skickades automatiskt från Remissplattformen.',
  ].join('\n');
  const html = [
    '<!doctype html><html lang="sv"><body>',
    '<p>Hej!</p>',
    `<p>${escape(rubrik)} på remissen <strong>${escape(u.arendemening)}</strong>.</p>`,
    `<table>${fakta.map(([k, v]) => `<tr><th align="left">${escape(k)}</th><td>${escape(v)}</td></tr>`).join('')}</table>`,
    `<p><strong>${escape(svara)}.</strong> ${escape(mening)}</p>`,
    u.lank ? `<p><a href="${escape(u.lank)}">${escape(lanktext)}</a></p>` : `<p>${escape(stangd)}</p>`,
    ...(kontakt ? [`<p>Frågor om remissen besvaras av ${escape(kontakt)}.</p>`] : []),
    '<p>Det här meddelandet skickades automatiskt från Remissplattformen.</p>',
    '</body></html>',
  ].join('\n');
  return {
    subject: `${u.diarienummer} ${rubrik}: ${u.arendemening} – svara ${formatDeadline(u.svarsdatum)}`,
    text,
    html,
  };
}
