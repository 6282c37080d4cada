import { ApiProperty } from '@nestjs/swagger';

/** The organisation's letterhead as its admin edits it (not the sammanställning's `BrevhuvudResponse`, which names one). */
export class BrevhuvudAdminResponse {
  @ApiProperty({ example: 'Enköpings kommun' }) namn!: string;
  @ApiProperty() besoksadress!: string;
  @ApiProperty() postadress!: string;
  @ApiProperty() telefon!: string;
  @ApiProperty() epost!: string;
  @ApiProperty() webb!: string;
  @ApiProperty({ example: '212000-0274' }) organisationsnummer!: string;
  @ApiProperty({ example: '#0b5d4b' }) primarfarg!: string;
  @ApiProperty({ example: '#d99a1e' }) accentfarg!: string;
  @ApiProperty({ example: 'Ärendenummer' }) vartDnrEtikett!: string;
  @ApiProperty({ example: 'Ert dnr' }) ertDnrEtikett!: string;
  @ApiProperty({ description: 'The emblem as a data: URL (image/svg+xml or image/png); empty: none yet' })
  emblem!: string;
  @ApiProperty({ description: 'false: the defaults (see standardFran), never saved' })
  sparat!: boolean;
  @ApiProperty({
    enum: ['mall', 'organisation'],
    description:
      "Where the defaults come from: the organisation's letterhead folder (templates/kommuner/<slug>), or, without one, the organisation's own name, address and organisationsnummer",
  })
  standardFran!: 'mall' | 'organisation';
  @ApiProperty({ description: 'Saves so far (0: never saved)' }) version!: number;
  @ApiProperty({ description: 'The text colour’s contrast against white, e.g. 7.83' }) primarKontrast!: number;
}
