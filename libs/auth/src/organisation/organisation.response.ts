import { ApiProperty } from '@nestjs/swagger';
import type { Enhet, EnhetTyp, Organisation, OrganisationTyp } from '@app/database';

export class EnhetResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ example: 'Utbildningsnämnden' }) namn!: string;
  @ApiProperty({ example: 'UN' }) kortnamn!: string;
  @ApiProperty({ enum: ['namnd', 'styrelse', 'forvaltning', 'rad', 'bolag'] }) typ!: EnhetTyp;
  @ApiProperty({ type: String, nullable: true, description: 'The function mailbox' })
  funktionsbrevlada!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

export class OrganisationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Enköpings kommun' }) namn!: string;
  @ApiProperty({ example: 'enkoping' }) slug!: string;
  @ApiProperty({ enum: ['kommun', 'region', 'myndighet', 'forening', 'foretag'] }) typ!: OrganisationTyp;
  @ApiProperty({ type: String, nullable: true }) organisationsnummer!: string | null;
  @ApiProperty({ type: String, nullable: true }) epost!: string | null;
  @ApiProperty() ansluten!: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: [EnhetResponse] }) enheter!: EnhetResponse[];
}

export const toEnhetResponse = (e: Enhet): EnhetResponse => ({
  id: e.id,
  organisationId: e.organisationId,
  namn: e.namn,
  kortnamn: e.kortnamn,
  typ: e.typ,
  funktionsbrevlada: e.funktionsbrevlada,
  createdAt: e.createdAt,
});

export const toOrganisationResponse = (o: Organisation, enheter: Enhet[]): OrganisationResponse => ({
  id: o.id,
  namn: o.namn,
  slug: o.slug,
  typ: o.typ,
  organisationsnummer: o.organisationsnummer,
  epost: o.epost,
  ansluten: o.ansluten,
  createdAt: o.createdAt,
  enheter: enheter.map(toEnhetResponse),
});
