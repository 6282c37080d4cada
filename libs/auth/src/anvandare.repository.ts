import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Anvandare, Anvandarroll, Roll } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from './actor';

export interface NyAnvandare {
  organisationId: string;
  epost: string;
  namn: string;
  /** null: invited, the password is set through the invitation's link. */
  losenordHash: string | null;
  operator?: boolean;
  roller: { enhetId: string; roll: Roll }[];
}

@Injectable()
export class AnvandareRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** For login only: the one lookup that is not scoped by organisation, since none is known yet. */
  async findForLogin(
    epost: string,
  ): Promise<{ id: string; organisationId: string; losenordHash: string | null } | null> {
    const rows: { id: string; organisation_id: string; losenord_hash: string | null }[] = await this.dataSource.query(
      'SELECT id, organisation_id, losenord_hash FROM anvandare WHERE lower(epost) = lower($1) AND aktiv',
      [epost],
    );
    return rows[0]
      ? { id: rows[0].id, organisationId: rows[0].organisation_id, losenordHash: rows[0].losenord_hash }
      : null;
  }

  async loadActor(anvandareId: string): Promise<Actor | null> {
    const anvandare = await this.dataSource.getRepository(Anvandare).findOneBy({ id: anvandareId, aktiv: true });
    if (!anvandare) return null;
    const roller = await this.dataSource.getRepository(Anvandarroll).findBy({ anvandareId });
    return new Actor(
      anvandare.id,
      anvandare.organisationId,
      anvandare.namn,
      anvandare.epost,
      roller.map((r) => ({ enhetId: r.enhetId, roll: r.roll })),
      anvandare.operator,
    );
  }

  async create(manager: EntityManager, ny: NyAnvandare): Promise<string> {
    const { identifiers } = await manager.insert(Anvandare, {
      organisationId: ny.organisationId,
      epost: ny.epost,
      namn: ny.namn,
      losenordHash: ny.losenordHash,
      aktiv: true,
      operator: ny.operator ?? false,
    });
    const id = identifiers[0].id as string;
    if (ny.roller.length)
      await manager.insert(
        Anvandarroll,
        ny.roller.map((r) => ({ anvandareId: id, ...r })),
      );
    return id;
  }
}
