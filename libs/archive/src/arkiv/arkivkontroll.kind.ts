import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@app/auth';
import { APP_CONFIG, AppConfig, Clock } from '@app/core';
import { UtkorgJobb, UtkorgTyp, UtkorgTyper, UtkorgUtfall } from '@app/utkorg';
import { DataSource, EntityManager } from 'typeorm';
import { ArkivhandlingRepository, Kontrollsumma } from './arkivhandling.repository';

const SIDA = 200;

/** Whether a file's bytes still hash to what was stored when it was archived. */
export function jamfor(summa: Kontrollsumma): { originalOk: boolean; pdfaOk: boolean | null } {
  return {
    originalOk: summa.faktisk === summa.sha256,
    pdfaOk: summa.pdfaSha256 === null ? null : summa.pdfaFaktisk === summa.pdfaSha256,
  };
}

/**
 * The scheduled re-verification of every archived file, as a kind of the outbox (rows of
 * `arkivkontroll`): one row is planned at a time, and the run that finishes plans the next one
 * ARKIV_KONTROLL_INTERVALL_MS later in the transaction that marks it done, so the schedule lives in
 * PostgreSQL and survives a flushed Redis and a killed worker. Each mismatch is recorded
 * (`arkivverifiering`, shown on the arkivhandling's page), audited and logged.
 */
@Injectable()
export class ArkivkontrollKind implements UtkorgTyp, OnModuleInit, OnApplicationBootstrap {
  readonly namn = 'arkivkontroll';
  readonly tabell = 'arkivkontroll';
  private readonly logger = new Logger('Arkiv');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly typer: UtkorgTyper,
    private readonly arkivhandlingar: ArkivhandlingRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.typer.register(this);
  }

  /** The first run is planned by whichever process starts first; the reconciler queues it. */
  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO arkivkontroll (due_at) VALUES ($1) ON CONFLICT ((true)) WHERE status IN ('planerad', 'skickar') DO NOTHING`,
      [this.clock.now()],
    );
  }

  async perform(ids: string[]): Promise<Map<string, UtkorgUtfall>> {
    const { kontrollerade, avvikelser } = await this.checkAll();
    const kvitto = `${kontrollerade} filer kontrollerade, ${avvikelser} avvikelser`;
    return new Map(ids.map((id) => [id, { utfall: 'utford', kvitto }]));
  }

  /** The next run, planned as this one is marked done. */
  async afterPerformed(manager: EntityManager, _ids: string[], nu: Date): Promise<UtkorgJobb[]> {
    const at = new Date(nu.getTime() + this.config.ARKIV_KONTROLL_INTERVALL_MS);
    const rader: { id: string }[] = await manager.query(
      `INSERT INTO arkivkontroll (due_at) VALUES ($1) ON CONFLICT ((true)) WHERE status IN ('planerad', 'skickar') DO NOTHING RETURNING id`,
      [at],
    );
    return rader.map((r) => ({ typ: this.namn, id: r.id, at }));
  }

  /** Hashes every archived file again, a page at a time; records each mismatch. */
  async checkAll(): Promise<{ kontrollerade: number; avvikelser: number }> {
    let kontrollerade = 0;
    let avvikelser = 0;
    for (let efter: string | null = null; ;) {
      const sida = await this.arkivhandlingar.kontrollsummor(efter, SIDA);
      for (const summa of sida) {
        const resultat = jamfor(summa);
        if (!resultat.originalOk || resultat.pdfaOk === false) {
          avvikelser++;
          await this.recordAvvikelse(summa, resultat, null);
        }
      }
      kontrollerade += sida.length;
      if (sida.length < SIDA) break;
      efter = sida[sida.length - 1].id;
    }
    if (avvikelser)
      this.logger.error(`archive check: ${avvikelser} of ${kontrollerade} archived documents do not match`);
    return { kontrollerade, avvikelser };
  }

  /** A mismatch: the verification row, an audit event and the log, in one transaction. */
  async recordAvvikelse(
    summa: Kontrollsumma,
    resultat: { originalOk: boolean; pdfaOk: boolean | null },
    anvandareId: string | null,
  ): Promise<void> {
    const nu = this.clock.now();
    await this.dataSource.transaction(async (m) => {
      await this.arkivhandlingar.insertVerifiering(m, summa, resultat, anvandareId, nu);
      await this.audit.record(m, {
        organisationId: summa.organisationId,
        anvandareId,
        handelse: 'arkiv_avvikelse',
        objektTyp: 'arkivhandling',
        objektId: summa.id,
        data: {
          diarienummer: summa.diarienummer,
          sha256: summa.sha256,
          faktisk: summa.faktisk,
          pdfaSha256: summa.pdfaSha256,
          pdfaFaktisk: summa.pdfaFaktisk,
        },
      });
    });
    this.logger.error(
      `archived document ${summa.id} (${summa.diarienummer}) does not match its checksum: ` +
        `original ${resultat.originalOk ? 'ok' : `stored ${summa.sha256}, now ${summa.faktisk}`}` +
        (resultat.pdfaOk === false ? `; PDF/A stored ${summa.pdfaSha256}, now ${summa.pdfaFaktisk}` : ''),
    );
  }
}
