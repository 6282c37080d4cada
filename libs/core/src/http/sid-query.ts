import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Pages beyond this are refused: the offset of the last row must stay a PostgreSQL integer. */
export const MAX_PAGE = 10_000_000;

/** `?page=1&pageSize=50`, shared by every list endpoint; lists answer `{ items, total, page, pageSize }`. */
export class SidQuery {
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: MAX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 50;
}

export interface Sida<T> {
  items: readonly T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * A list page whose total is counted only up to a cap (LIST_COUNT_CAP in libs/database): a count
 * never walks a nämnd's whole inkorg. Beyond the cap `total` is the cap and `totalCapped` is true,
 * which a page shows as "1000+"; the pages beyond it can still be asked for.
 */
export interface CappedSida<T> extends Sida<T> {
  totalCapped: boolean;
}
