import { daysBetween, Datum, stockholmDatum } from '@app/core';
import type { RemissFoljningResponse } from '@app/remiss';

const arbetsdagar = (n: string) => `${n} ${n === '1' ? 'arbetsdag' : 'arbetsdagar'}`;

/** A reminder's kind as the status page names it: `fore_10` → "10 arbetsdagar före svarsdatum". */
export function paminnelsenamn(typ: string): string {
  const [slag, n] = typ.split('_');
  if (typ.startsWith('manuell_')) return 'Skickad för hand';
  if (slag === 'fore') return `${arbetsdagar(n)} före svarsdatum`;
  if (slag === 'pa') return 'På svarsdagen';
  if (slag === 'efter') return `${arbetsdagar(n)} efter svarsdatum`;
  if (slag === 'vecka') return 'Veckovis efter svarsdatum';
  return typ;
}

/** The status page's rows: each instans with its reminders, its link and how late it is. */
export function statusvy(vy: RemissFoljningResponse, idag: Datum) {
  const lankar = new Map(vy.lankar.map((l) => [l.remissinstansId, l]));
  const oppen = (s: string) => s === 'inbjuden' || s === 'registrerad' || s === 'under_beredning';
  const utskickad = vy.remiss.status === 'utskickad';
  return {
    ...vy,
    utskickad,
    instanser: vy.instanser.map((i) => ({
      ...i,
      dagarForsenad: i.forsenad ? daysBetween(i.svarsdatum, idag) : null,
      oppen: utskickad && oppen(i.status),
      lank: lankar.get(i.id) ?? null,
      paminnelser: vy.paminnelser
        .filter((p) => p.remissinstansId === i.id)
        .map((p) => ({
          namn: paminnelsenamn(p.typ),
          datum: stockholmDatum(new Date(p.skickadAt ?? p.dueAt)),
          status: p.status,
        })),
    })),
  };
}
