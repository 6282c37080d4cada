import { Injectable } from '@nestjs/common';
import { Fragesvar, RemissinstansStatus, RemissvarStallning, SynpunktTyp } from '@app/database';
import { EntityManager } from 'typeorm';

export interface SynpunktRad {
  /** The synpunkt's stable id: what a ställningstagande is recorded against. */
  id: string;
  instansId: string;
  instans: string;
  typ: SynpunktTyp;
  rubrik: string | null;
  text: string;
  citatinledning: string | null;
  citat: string | null;
  sida: number | null;
  strykText: string | null;
  nyText: string | null;
  fotnoter: string[];
  handling: string | null;
  handlingOrdning: number | null;
}

/** One instans as the sammanställning reports it: its dnr, its answer's position and frågesvar, anstånd, avstående. */
export interface InstansRad {
  id: string;
  namn: string;
  status: RemissinstansStatus;
  /** A nämnd's dnr from its registrering, an external instans' as its answer gives it. */
  diarienummer: string | null;
  svarsdatum: string;
  /** Set when anstånd was granted (the instans' svarsdatum is then later than the remiss'). */
  anstandOrsak: string | null;
  anstand: boolean;
  /** Why it declined: an external instans' own words, or a nämnd's letter. */
  avstarMotivering: string | null;
  externSvarsfil: boolean;
  /** When an answer registered from post or e-mail came in; null for one given through the platform. */
  svarInkomDatum: string | null;
  stallning: RemissvarStallning | null;
  fragesvar: Fragesvar[];
}

/** The synpunkter of expedierade answers; `synpunktId` narrows to one. */
const SYNPUNKTER = (enBara: boolean) => `
  SELECT s.id, i.id AS "instansId", i.namn AS instans, s.typ, s.rubrik, s.text, s.citatinledning, s.citat, s.sida,
         s.stryk_text AS "strykText", s.ny_text AS "nyText", s.fotnoter, h.titel AS handling, h.ordning AS "handlingOrdning"
    FROM synpunkt s
    JOIN remissvar rv ON rv.id = s.remissvar_id AND rv.status = 'expedierat'
    JOIN remissinstans i ON i.id = rv.remissinstans_id
    LEFT JOIN remisshandling h ON h.id = s.remisshandling_id
   WHERE i.remiss_id = $1${enBara ? ' AND s.id = $2' : ''}
   ORDER BY h.ordning NULLS LAST, s.sida NULLS LAST, i.namn, s.ordning`;

/** The answers a sender may read: synpunkter of expedierade remissvar only (drafts never leave the nämnd). */
@Injectable()
export class SammanstallningRepository {
  synpunkter(manager: EntityManager, remissId: string): Promise<SynpunktRad[]> {
    return manager.query(SYNPUNKTER(false), [remissId]);
  }

  /** One synpunkt of an expedierat answer to this remiss, or undefined (a draft's, another remiss'). */
  async synpunkt(manager: EntityManager, remissId: string, synpunktId: string): Promise<SynpunktRad | undefined> {
    const [rad] = (await manager.query(SYNPUNKTER(true), [remissId, synpunktId])) as SynpunktRad[];
    return rad;
  }

  /**
   * Every instans with what the sender may see of its answer: only an expedierat one's position and
   * frågesvar, never a draft's; the dnr and the reason to decline from the answer or the letter sent.
   */
  instanser(manager: EntityManager, remissId: string): Promise<InstansRad[]> {
    return manager.query(
      `SELECT i.id, i.namn, i.status, COALESCE(i.mottagare_diarienummer, rv.eget_diarienummer) AS diarienummer,
              to_char(i.svarsdatum, 'YYYY-MM-DD') AS svarsdatum, i.anstand_orsak AS "anstandOrsak",
              i.svarsdatum > r.svarsdatum AS anstand,
              CASE WHEN i.status = 'avstar' THEN COALESCE(i.avstar_motivering, NULLIF(rv.inledning, '')) END AS "avstarMotivering",
              i.extern_svar_fil_id IS NOT NULL AS "externSvarsfil",
              to_char(i.svar_inkom_datum, 'YYYY-MM-DD') AS "svarInkomDatum",
              CASE WHEN rv.typ = 'yttrande' THEN rv.stallning END AS stallning,
              CASE WHEN rv.typ = 'yttrande' THEN rv.fragesvar ELSE '[]'::jsonb END AS fragesvar
         FROM remissinstans i
         JOIN remiss r ON r.id = i.remiss_id
         LEFT JOIN remissvar rv ON rv.remissinstans_id = i.id AND rv.status = 'expedierat'
        WHERE i.remiss_id = $1
        ORDER BY i.namn, i.id`,
      [remissId],
    );
  }
}
