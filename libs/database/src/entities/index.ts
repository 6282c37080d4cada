import { Anvandare, Anvandarroll, KontoToken, Session } from './anvandare.entity';
import { Arkivhandling, AuditEvent, ExternAtkomst } from './arkiv.entity';
import { Arende, Diarienummerserie, Diarium, Fil, Handling } from './diarium.entity';
import { Brevhuvud, Organisationskoppling } from './brevhuvud.entity';
import { Enhet, Organisation } from './organisation.entity';
import { Paminnelse, Paminnelseregel } from './paminnelse.entity';
import { Remiss, Remisshandling, RemisshandlingSida, Remissinstans } from './remiss.entity';
import { Beslut, Remissvar, RemissvarRevision, Synpunkt } from './remissvar.entity';
import { Stallningstagande } from './stallningstagande.entity';
import { Sandlista } from './sandlista.entity';

export * from './anvandare.entity';
export * from './brevhuvud.entity';
export * from './arkiv.entity';
export * from './diarium.entity';
export * from './organisation.entity';
export * from './paminnelse.entity';
export * from './remiss.entity';
export * from './remissvar.entity';
export * from './stallningstagande.entity';
export * from './sandlista.entity';

export const ENTITIES = [
  Organisation,
  Enhet,
  Anvandare,
  KontoToken,
  Anvandarroll,
  Session,
  Diarium,
  Diarienummerserie,
  Arende,
  Handling,
  Fil,
  Remiss,
  Remisshandling,
  RemisshandlingSida,
  Remissinstans,
  Remissvar,
  RemissvarRevision,
  Synpunkt,
  Beslut,
  Paminnelseregel,
  Paminnelse,
  Arkivhandling,
  ExternAtkomst,
  AuditEvent,
  Stallningstagande,
  Sandlista,
  Brevhuvud,
  Organisationskoppling,
];
