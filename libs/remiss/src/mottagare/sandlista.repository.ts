import { Injectable } from '@nestjs/common';
import { Actor } from '@app/auth';
import { DomainError, notFound, sqlState } from '@app/core';
import { Sandlista, UtkastMottagare } from '@app/database';
import { EntityManager } from 'typeorm';

/** An organisation's sändlistor; another organisation's are not found. */
@Injectable()
export class SandlistaRepository {
  list(manager: EntityManager, actor: Actor): Promise<Sandlista[]> {
    return manager
      .getRepository(Sandlista)
      .createQueryBuilder('s')
      .where('s.organisation_id = :org', { org: actor.organisationId })
      .orderBy('lower(s.namn)')
      .getMany();
  }

  async get(manager: EntityManager, actor: Actor, id: string): Promise<Sandlista> {
    const lista = await manager.findOneBy(Sandlista, { id, organisationId: actor.organisationId });
    if (!lista) throw notFound('Sandlista');
    return lista;
  }

  async insert(manager: EntityManager, actor: Actor, namn: string, mottagare: UtkastMottagare[]): Promise<Sandlista> {
    try {
      const { identifiers } = await manager.insert(Sandlista, {
        organisationId: actor.organisationId,
        namn,
        mottagare,
        createdBy: actor.anvandareId,
      });
      return await manager.findOneByOrFail(Sandlista, { id: identifiers[0].id as string });
    } catch (e) {
      throw sqlState(e) === '23505' ? new DomainError('SANDLISTA_FINNS', { namn }) : e;
    }
  }

  async delete(manager: EntityManager, actor: Actor, id: string): Promise<Sandlista> {
    const lista = await this.get(manager, actor, id);
    await manager.delete(Sandlista, { id: lista.id });
    return lista;
  }
}
