import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AnvandareRepository } from './anvandare.repository';
import { AuditLog } from './audit-log.service';
import { AuthService } from './auth.service';
import { KontoSparr } from './begransning/kontosparr.service';
import { PasswordChecks } from './begransning/password-checks.service';
import {
  RATE_LIMIT_REDIS,
  rateLimitRedisProvider,
  RateLimitRedisShutdown,
} from './begransning/rate-limit-redis.provider';
import { AuthController } from './http/auth.controller';
import { SessionGuard } from './http/session.guard';
import { OrganisationController } from './organisation/organisation.controller';
import { OrganisationService } from './organisation/organisation.service';
import { OrganisationRepository } from './organisation/organisation.repository';
import { SessionRepository } from './session.repository';
import { FlashRepository } from './flash/flash.repository';

/**
 * Accounts, sessions, roles, tenancy and the audit log; installs the app-wide SessionGuard. Not
 * global: a module that writes audit events or reads accounts imports it.
 */
@Module({
  controllers: [AuthController, OrganisationController],
  providers: [
    AnvandareRepository,
    SessionRepository,
    AuditLog,
    AuthService,
    OrganisationRepository,
    OrganisationService,
    { provide: APP_GUARD, useClass: SessionGuard },
    rateLimitRedisProvider,
    RateLimitRedisShutdown,
    KontoSparr,
    PasswordChecks,
    FlashRepository,
  ],
  exports: [
    AnvandareRepository,
    AuditLog,
    AuthService,
    OrganisationRepository,
    OrganisationService,
    FlashRepository,
    RATE_LIMIT_REDIS,
    SessionRepository,
    PasswordChecks,
  ],
})
export class AuthModule {}
