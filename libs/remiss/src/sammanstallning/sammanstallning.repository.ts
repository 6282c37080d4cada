import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Fragesvar, RemissvarStallning, SynpunktTyp } from '@app/database';
import { DataSource } from 'typeorm';

export interface SynpunktRad {
  instans: string;
  typ: SynpunktTyp;
  rubrik: string | null;
  text: string;
  citat: string | null;
  sida: number | null;
  strykText: string | null;
  nyText: string | null;
  fotnoter: string[];
  handling: string | null;
  handlingOrdning: number | null;
}

/** One expedierat answer's position and answers to the frågor. */
export interface SvarRad {
  instans: string;
  stallning: RemissvarStallning | null;
  fragesvar: Fragesvar[];
}

/** The answers a sender may read: synpunkter of expedierade remissvar only (drafts never leave the nämnd). */
@Injectable()
export class SammanstallningRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  synpunkter(remissId: string): Promise<SynpunktRad[]> {
    return this.dataSource.query(
      `SELECT i.namn AS instans, s.typ, s.rubrik, s.text, s.citat, s.sida, s.stryk_text AS "strykText", s.ny_text AS "nyText", s.fotnoter,
              h.titel AS handling, h.ordning AS "handlingOrdning"
         FROM synpunkt s
         JOIN remissvar rv ON rv.id = s.remissvar_id AND rv.status = 'expedierat'
         JOIN remissinstans i ON i.id = rv.remissinstans_id
         LEFT JOIN remisshandling h ON h.id = s.remisshandling_id
        WHERE i.remiss_id = $1
        ORDER BY h.ordning NULLS LAST, s.sida NULLS LAST, i.namn, s.ordning`,
      [remissId],
    );
  }

  svar(remissId: string): Promise<SvarRad[]> {
    return this.dataSource.query(
      `SELECT i.namn AS instans, rv.stallning, rv.fragesvar
         FROM remissvar rv
         JOIN remissinstans i ON i.id = rv.remissinstans_id
        WHERE i.remiss_id = $1 AND rv.status = 'expedierat' AND rv.typ = 'yttrande'
        ORDER BY i.namn`,
      [remissId],
    );
  }
}
