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
  @ApiProperty({ description: 'The emblem as a data: URL (image/svg+xml or image/png)' }) emblem!: string;
  @ApiProperty({ description: "false: the defaults of the organisation's letterhead folder, never saved" })
  sparat!: boolean;
  @ApiProperty({ description: 'Saves so far (0: never saved)' }) version!: number;
  @ApiProperty({ description: 'The text colour’s contrast against white, e.g. 7.83' }) primarKontrast!: number;
}
