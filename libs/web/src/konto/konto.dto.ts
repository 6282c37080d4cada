import { Faltnamn } from '@app/core';
import { LoginDto } from '@app/auth';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** The sign-in form: the API's login and the page to go back to. */
@Faltnamn({ tillbaka: 'sidan att återvända till' })
export class LoggaInFormular extends LoginDto {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  tillbaka?: string;
}

@Faltnamn({ enhet: 'enhet', tillbaka: 'sidan att återvända till' })
export class ValjEnhetFormular {
  @IsUUID('all', { context: { meddelande: 'Välj en enhet.' } })
  enhet!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  tillbaka?: string;
}
