import { ApiProperty } from '@nestjs/swagger';
import { Remissinstans, REMISSINSTANS_STATUSAR, RemissinstansStatus } from '@app/database';

const tid = { type: String, format: 'date-time' } as const;
const tidEllerNull = { ...tid, nullable: true } as const;
const uuidEllerNull = { type: String, format: 'uuid', nullable: true } as const;
const textEllerNull = { type: String, nullable: true } as const;

/** The remissinstans as the answering nämnd reads it after acting on it (registrera). */
export class NamndInstansResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ format: 'uuid' }) remissId!: string;
  @ApiProperty() namn!: string;
  @ApiProperty(uuidEllerNull) mottagareOrganisationId!: string | null;
  @ApiProperty(uuidEllerNull) mottagareEnhetId!: string | null;
  @ApiProperty(textEllerNull) externEpost!: string | null;
  @ApiProperty({ enum: REMISSINSTANS_STATUSAR }) status!: RemissinstansStatus;
  @ApiProperty({ format: 'date' }) svarsdatum!: string;
  @ApiProperty(textEllerNull) anstandOrsak!: string | null;
  @ApiProperty(uuidEllerNull) mottagareArendeId!: string | null;
  @ApiProperty(textEllerNull) mottagareDiarienummer!: string | null;
  @ApiProperty(uuidEllerNull) handlaggareId!: string | null;
  @ApiProperty(tidEllerNull) registreradAt!: Date | null;
  @ApiProperty(tidEllerNull) besvaradAt!: Date | null;
  @ApiProperty(tidEllerNull) avstodAt!: Date | null;
  @ApiProperty(uuidEllerNull) externSvarFilId!: string | null;
  @ApiProperty(textEllerNull) avstarMotivering!: string | null;
  @ApiProperty(tidEllerNull) lankAterkalladAt!: Date | null;
  @ApiProperty() version!: number;
  @ApiProperty(tid) createdAt!: Date;
  @ApiProperty(tid) updatedAt!: Date;
}

export const toNamndInstansResponse = (i: Remissinstans): NamndInstansResponse => ({
  id: i.id,
  organisationId: i.organisationId,
  remissId: i.remissId,
  namn: i.namn,
  mottagareOrganisationId: i.mottagareOrganisationId,
  mottagareEnhetId: i.mottagareEnhetId,
  externEpost: i.externEpost,
  status: i.status,
  svarsdatum: i.svarsdatum,
  anstandOrsak: i.anstandOrsak,
  mottagareArendeId: i.mottagareArendeId,
  mottagareDiarienummer: i.mottagareDiarienummer,
  handlaggareId: i.handlaggareId,
  registreradAt: i.registreradAt,
  besvaradAt: i.besvaradAt,
  avstodAt: i.avstodAt,
  externSvarFilId: i.externSvarFilId,
  avstarMotivering: i.avstarMotivering,
  lankAterkalladAt: i.lankAterkalladAt,
  version: i.version,
  createdAt: i.createdAt,
  updatedAt: i.updatedAt,
});
