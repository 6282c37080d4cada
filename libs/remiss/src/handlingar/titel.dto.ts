import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { OptionalNotNull } from '@app/core';

/** The text fields of a remisshandling upload (the file itself is the multipart field `fil`). */
export class TitelDto {
  @ApiPropertyOptional({ example: 'Förslag till policy för digital omställning' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(300)
  titel?: string;
}
