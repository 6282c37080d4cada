import { SetMetadata } from '@nestjs/common';
import { Roll } from '@app/database';

export const ROLLER_KEY = 'remiss:roller';

/** The caller must hold at least one of these roles at some enhet of its organisation. */
export const Roller = (...roller: Roll[]) => SetMetadata(ROLLER_KEY, roller);
