import { ApiProperty } from '@nestjs/swagger';
import { Faltnamn } from '@app/core';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

@Faltnamn({ epost: 'e-postadress', losenord: 'lösenord' })
export class LoginDto {
  @ApiProperty({ example: 'un.sekreterare@enkoping.demo' })
  @IsEmail()
  @MaxLength(254)
  epost!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  losenord!: string;
}
