import { SetMetadata } from '@nestjs/common';
import { Roll } from '@app/database';

export const ROLLER_KEY = 'remiss:roller';

/** The caller must hold at least one of these roles at some enhet of its organisation. */
export const Roller = (...roller: Roll[]) => SetMetadata(ROLLER_KEY, roller);

export const OPERATOR_KEY = 'remiss:operator';

/** Only the platform operator (`anvandare.operator`, of the platform organisation) may call the route. */
export const Operator = () => SetMetadata(OPERATOR_KEY, true);
