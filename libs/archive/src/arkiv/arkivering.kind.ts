import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@app/core';
import { PdfRenderare } from '@app/pdf';
import { Utkorg, UtkorgTyp, UtkorgTyper, UtkorgUtfall } from '@app/utkorg';
import { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { FilRepository } from '../fil/fil.repository';
import { Arkivmetadata, ArkivhandlingRepository } from './arkivhandling.repository';

/** Where a transaction keeps the outbox rows it archived, to queue them once it has committed. */
const EFTER_COMMIT = 'arkivering';

/**
 * The PDF/A rendition of an arkivhandling, as a kind of the outbox (rows of `arkivering`). The
 * arkivhandling is written in the transaction of the step that made its document final; the
 * conversion runs here, after commit and outside any transaction (no row lock waits for
 * Ghostscript or the pdf queue), and its result is written in a short transaction of its own. A
 * worker killed mid-conversion leaves the row leased; after the lease it is converted again, and a
 * rendition written twice is impossible (the trigger and `pdfa_fil_id IS NULL`).
 */
@Injectable()
export class ArkiveringKind implements UtkorgTyp, OnModuleInit {
  readonly namn = 'arkivering';
  readonly tabell = 'arkivering';
  private readonly logger = new Logger('Arkiv');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly typer: UtkorgTyper,
    private readonly utkorg: Utkorg,
    private readonly arkivhandlingar: ArkivhandlingRepository,
    private readonly filer: FilRepository,
    private readonly pdf: PdfRenderare,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.typer.register(this);
    // Registering is one call deep in every workflow step; a subscriber queues its rows after the
    // step's commit without each caller having to. A row the queue misses, the reconciler adds.
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: (event: TransactionCommitEvent) => {
        const ids = event.queryRunner.data[EFTER_COMMIT] as string[] | undefined;
        if (!ids?.length) return;
        event.queryRunner.data[EFTER_COMMIT] = [];
        void this.utkorg.enqueue(this, ids);
      },
    };
    this.dataSource.subscribers.push(subscriber);
  }

  /** Remembers an outbox row written in `manager`'s transaction, to be queued once it commits. */
  afterCommit(manager: EntityManager, arkiveringId: string): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('An arkivhandling is written only inside a transaction');
    runner.data[EFTER_COMMIT] = [...((runner.data[EFTER_COMMIT] as string[] | undefined) ?? []), arkiveringId];
  }

  async perform(ids: string[]): Promise<Map<string, UtkorgUtfall>> {
    const utfall = new Map<string, UtkorgUtfall>(ids.map((id) => [id, { utfall: 'utford', kvitto: 'hade PDF/A' }]));
    // One at a time: the conversion is CPU-bound, and the batch shares the process with requests.
    for (const { arkiveringId, arkivhandling, data } of await this.arkivhandlingar.utanPdfa(ids)) {
      try {
        const metadata = arkivhandling.metadata as unknown as Arkivmetadata;
        const pdfa = await this.pdf.toPdfA(data, {
          title: arkivhandling.titel,
          author: metadata.upphov,
          subject: metadata.arendemening,
          keywords: [arkivhandling.diarienummer],
        });
        const nu = this.clock.now();
        await this.dataSource.transaction(async (m) => {
          const fil = await this.filer.insert(m, {
            organisationId: arkivhandling.organisationId,
            filnamn: metadata.filnamn.replace(/\.pdf$/i, '-PDFA.pdf'),
            mimetyp: 'application/pdf',
            data: pdfa,
          });
          // Another worker's rendition came first (a lease that ran out): this one is not kept.
          if (!(await this.arkivhandlingar.setPdfa(m, arkivhandling.id, fil, nu))) throw new RedanKonverterad();
        });
        utfall.set(arkiveringId, { utfall: 'utford', kvitto: `PDF/A ${pdfa.length} byte` });
      } catch (error) {
        if (error instanceof RedanKonverterad) continue;
        this.logger.warn(`PDF/A of arkivhandling ${arkivhandling.id} failed: ${(error as Error).message}`);
        utfall.set(arkiveringId, { utfall: 'fel', fel: (error as Error).message });
      }
    }
    return utfall;
  }
}

class RedanKonverterad extends Error {}
