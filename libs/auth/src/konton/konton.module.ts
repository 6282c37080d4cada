import { Module } from '@nestjs/common';
import { MailModule } from '@app/mail';
import { AuthModule } from '../auth.module';
import { AnvandareAdminRepository } from './anvandare-admin.repository';
import { AnvandareAdminService } from './anvandare-admin.service';
import { AnvandareController } from './anvandare.controller';
import { DriftController } from './drift.controller';
import { KontoService } from './konto.service';
import { KontoTokenRepository } from './konto-token.repository';
import { LosenordController } from './losenord.controller';
import { OnboardingService } from './onboarding.service';

/**
 * Accounts beyond signing in: passwords (own, forgotten, one-time links), the admin's users and the
 * operator's onboarding. A module of its own, not part of AuthModule, because it sends mail: every app
 * has AuthModule, and only those that import this one get the mail outbox for it.
 */
@Module({
  imports: [AuthModule, MailModule],
  controllers: [AnvandareController, DriftController, LosenordController],
  providers: [KontoTokenRepository, KontoService, AnvandareAdminRepository, AnvandareAdminService, OnboardingService],
  exports: [KontoService, AnvandareAdminService, OnboardingService],
})
export class KontonModule {}
