import { Injectable } from '@nestjs/common';
import { Actor } from '@app/auth';
import { enhetMedOrganisation, notFound } from '@app/core';
import {
  Arende,
  Enhet,
  Handling,
  Organisation,
  Remiss,
  Remisshandling,
  RemisshandlingSida,
  Remissinstans,
  RemissinstansStatus,
} from '@app/database';
import { EntityManager } from 'typeorm';
import { HandlingVy } from './namnd-instans.view';

export interface InstansMedRemiss {
  instans: Remissinstans & { mottagareEnhetId: string };
  remiss: Remiss;
}

/**
 * Remissinstanser as their recipient nämnd sees them: only instanser addressed to an enhet of the
 * caller's organisation, of a remiss that has been sent. Anything else is a 404.
 *
 * With `lock`, a state change takes its locks in one order: the instans (FOR UPDATE), its remiss
 * (FOR SHARE: återkalla waits until the change has committed, and the change sees a remiss that
 * cannot be withdrawn under it), then the remissvar.
 */
@Injectable()
export class NamndInstansRepository {
  /** The instans and its remiss; with `lock` the instans row is locked until the transaction ends. */
  async get(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<InstansMedRemiss> {
    const instans = await manager.findOne(Remissinstans, {
      where: { id, mottagareOrganisationId: actor.organisationId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!instans?.mottagareEnhetId) throw notFound('Remissinstans');
    const remiss = await this.remiss(manager, instans.remissId, lock);
    if (remiss.status === 'utkast') throw notFound('Remissinstans');
    return { instans: instans as InstansMedRemiss['instans'], remiss };
  }

  /** The instans of an answer the caller has already been allowed to see. */
  async forSvar(manager: EntityManager, svar: { remissinstansId: string }, lock = false): Promise<InstansMedRemiss> {
    const instans = await manager.findOneOrFail(Remissinstans, {
      where: { id: svar.remissinstansId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return {
      instans: instans as InstansMedRemiss['instans'],
      remiss: await this.remiss(manager, instans.remissId, lock),
    };
  }

  private remiss(manager: EntityManager, id: string, lock: boolean): Promise<Remiss> {
    return manager.findOneOrFail(Remiss, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_read' as const } } : {}),
    });
  }

  enhet(manager: EntityManager, id: string): Promise<Enhet> {
    return manager.findOneByOrFail(Enhet, { id });
  }

  /** The sender as the nämnd names it: the enhet, and its organisation when it is another one. */
  async avsandare(manager: EntityManager, remiss: Remiss, betraktare: string): Promise<string> {
    const enhet = await manager.findOneByOrFail(Enhet, { id: remiss.avsandareEnhetId });
    if (remiss.organisationId === betraktare) return enhet.namn;
    const organisation = await manager.findOneByOrFail(Organisation, { id: remiss.organisationId });
    return `${organisation.namn}, ${enhet.namn}`;
  }

  /** The answering side as the sender reads it ("Utbildningsnämnden i Enköpings kommun"), with the enhet's mailbox. */
  async svarande(
    manager: EntityManager,
    instans: Remissinstans,
  ): Promise<{ namn: string; funktionsbrevlada: string | null }> {
    const [organisation, enhet] = await Promise.all([
      this.organisation(manager, instans.mottagareOrganisationId!),
      instans.mottagareEnhetId ? this.enhet(manager, instans.mottagareEnhetId) : null,
    ]);
    return {
      namn: enhetMedOrganisation(enhet?.namn, organisation.namn),
      funktionsbrevlada: enhet?.funktionsbrevlada ?? null,
    };
  }

  /** The sending organisation and enhet by name, as the instans' page shows them. */
  async avsandarNamn(manager: EntityManager, remiss: Remiss): Promise<{ organisation: string; enhet: string }> {
    const [organisation, enhet] = await Promise.all([
      manager.findOneByOrFail(Organisation, { id: remiss.organisationId }),
      manager.findOneByOrFail(Enhet, { id: remiss.avsandareEnhetId }),
    ]);
    return { organisation: organisation.namn, enhet: enhet.namn };
  }

  /** The remisshandlingar of a remiss with their files' names, in the sender's order: what a synpunkt can refer to. */
  handlingar(manager: EntityManager, remissId: string): Promise<HandlingVy[]> {
    return manager.query(
      `SELECT h.id, h.titel, h.sidantal, f.filnamn FROM remisshandling h JOIN fil f ON f.id = h.fil_id
        WHERE h.remiss_id = $1 ORDER BY h.ordning`,
      [remissId],
    );
  }

  organisation(manager: EntityManager, id: string): Promise<Organisation> {
    return manager.findOneByOrFail(Organisation, { id });
  }

  async markRegistrerad(
    manager: EntityManager,
    instans: Remissinstans,
    arende: Arende,
    at: Date,
  ): Promise<Remissinstans> {
    await manager.update(
      Remissinstans,
      { id: instans.id },
      {
        status: 'registrerad',
        mottagareArendeId: arende.id,
        mottagareDiarienummer: arende.diarienummer,
        registreradAt: at,
        version: () => 'version + 1',
      },
    );
    return manager.findOneByOrFail(Remissinstans, { id: instans.id });
  }

  async setStatus(manager: EntityManager, instansId: string, status: RemissinstansStatus, at?: Date): Promise<void> {
    const tid = status === 'besvarad' ? { besvaradAt: at } : status === 'avstar' ? { avstodAt: at } : {};
    await manager.update(Remissinstans, { id: instansId }, { status, ...tid, version: () => 'version + 1' });
  }

  /** A remisshandling of this remiss (null when it belongs to another). */
  handling(manager: EntityManager, remissId: string, id: string): Promise<Remisshandling | null> {
    return manager.findOneBy(Remisshandling, { id, remissId });
  }

  /** The handling a sent file was registered as in the nämnd's ärende (null before it is sent). */
  utgaendeHandling(manager: EntityManager, arendeId: string, filId: string): Promise<Handling | null> {
    return manager.findOneBy(Handling, { arendeId, filId, riktning: 'utgaende' });
  }

  /** The extracted text of one page (null when the page does not exist). */
  async sidtext(manager: EntityManager, remisshandlingId: string, sidnummer: number): Promise<string | null> {
    return (await manager.findOneBy(RemisshandlingSida, { remisshandlingId, sidnummer }))?.text ?? null;
  }

  /** The extracted text of every page, page 1 first. */
  async sidtexter(manager: EntityManager, remisshandlingId: string): Promise<string[]> {
    const sidor = await manager.find(RemisshandlingSida, {
      where: { remisshandlingId },
      order: { sidnummer: 'ASC' },
      select: { sidnummer: true, text: true },
    });
    return sidor.map((s) => s.text);
  }
}
