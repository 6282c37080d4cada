import { ApiProperty } from '@nestjs/swagger';
import { ROLLER, type KontoTokenSyfte, type OrganisationTyp, type Roll } from '@app/database';

/** What the page of a one-time link (an invitation, a reset) greets its owner with. */
export class KontoLankResponse {
  @ApiProperty({ enum: ['inbjudan', 'aterstallning'] }) syfte!: KontoTokenSyfte;
  @ApiProperty() epost!: string;
  @ApiProperty() namn!: string;
  @ApiProperty({ example: 'Region Exempel' }) organisation!: string;
  @ApiProperty({ type: String, format: 'date-time' }) giltigTill!: Date;
}

export class AnvandarrollResponse {
  @ApiProperty({ format: 'uuid' }) enhetId!: string;
  @ApiProperty({ example: 'Regionstyrelsen' }) enhetNamn!: string;
  @ApiProperty({ enum: ROLLER }) roll!: Roll;
}

/** `inbjuden`: has not yet set a password through the invitation's link. */
export type AnvandarStatus = 'aktiv' | 'inbjuden' | 'inaktiverad';

export class AnvandareResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() namn!: string;
  @ApiProperty() epost!: string;
  @ApiProperty({ enum: ['aktiv', 'inbjuden', 'inaktiverad'] }) status!: AnvandarStatus;
  @ApiProperty({ type: [AnvandarrollResponse] }) roller!: AnvandarrollResponse[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

export class InbjudanResponse {
  @ApiProperty({ type: AnvandareResponse }) anvandare!: AnvandareResponse;
  @ApiProperty({ type: String, format: 'date-time', description: 'Until when the invitation link works' })
  giltigTill!: Date;
}

export class DriftOrganisationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Region Exempel' }) namn!: string;
  @ApiProperty({ example: 'region-exempel' }) slug!: string;
  @ApiProperty({ enum: ['kommun', 'region', 'myndighet', 'forening', 'foretag'] }) typ!: OrganisationTyp;
  @ApiProperty({ type: String, nullable: true }) organisationsnummer!: string | null;
  @ApiProperty({ type: String, nullable: true }) epost!: string | null;
  @ApiProperty({ type: String, nullable: true }) adress!: string | null;
  @ApiProperty() enheter!: number;
  @ApiProperty() anvandare!: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

export class NyttDiariumResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Regionstyrelsens diarium' }) namn!: string;
  @ApiProperty({ example: 'RS 2026/0001', description: 'The first diarienummer it will hand out this year' })
  exempel!: string;
}

export class OrganisationSkapadResponse {
  @ApiProperty({ type: DriftOrganisationResponse }) organisation!: DriftOrganisationResponse;
  @ApiProperty({ format: 'uuid' }) enhetId!: string;
  @ApiProperty({ example: 'Regionstyrelsen' }) enhetNamn!: string;
  @ApiProperty({ type: NyttDiariumResponse, description: "The first enhet's diarium, in which it numbers its ärenden" })
  diarium!: NyttDiariumResponse;
  @ApiProperty({ format: 'uuid' }) adminId!: string;
  @ApiProperty() adminEpost!: string;
  @ApiProperty({ type: String, format: 'date-time', description: "Until when the admin's invitation link works" })
  inbjudanGiltigTill!: Date;
}
