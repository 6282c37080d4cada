export * from './mailer.service';
export * from './mail.module';
export * from './epost-utkorg';
export * from './epost-utfall';
export * from './epost-mallar.service';
export * from './utveckling/utvecklingsbrevlada.service';
