import { ApiProperty } from '@nestjs/swagger';

export class KopplingOrganisationResponse {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ example: 'Vadstena kommun' }) namn!: string;
  @ApiProperty({ enum: ['kommun', 'region', 'myndighet', 'forening', 'foretag'] }) typ!: string;
}

export class KatalogEnhetResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Barn- och utbildningsnämnden' }) namn!: string;
  @ApiProperty({ example: 'BUN' }) kortnamn!: string;
}

export class KatalogOrganisationResponse extends KopplingOrganisationResponse {
  @ApiProperty({ type: [KatalogEnhetResponse], description: 'The enheter that answer remisser in their own name' })
  enheter!: KatalogEnhetResponse[];
}

export class KopplingarResponse {
  @ApiProperty({ type: [KopplingOrganisationResponse], description: 'Organisations that may send remisser to us' })
  avsandare!: KopplingOrganisationResponse[];
  @ApiProperty({ type: [KatalogOrganisationResponse], description: 'The directory: organisations we may send to' })
  mottagare!: KatalogOrganisationResponse[];
  @ApiProperty({
    type: [KopplingOrganisationResponse],
    description: 'Connected organisations not yet allowed to send to us',
  })
  valbara!: KopplingOrganisationResponse[];
}
