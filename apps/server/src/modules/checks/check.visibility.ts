import { roleAtLeast, type Check } from '@homehub/contracts';
import type { FastifyRequest } from 'fastify';

/**
 * A push URL is a credential: whoever knows it can report for the job. Viewers see that a
 * check is a push check, not its URL. (Secret config fields are never answered to anyone.)
 */
export function visibleChecks(
  request: FastifyRequest,
): <T extends Pick<Check, 'pushUrl'>>(check: T) => T {
  const operator = request.principal !== null && roleAtLeast(request.principal.role, 'operator');
  return (check) => (operator || check.pushUrl === null ? check : { ...check, pushUrl: null });
}
