import { DockerConfig } from '@homehub/contracts';
import { defineCheckType, type Observation } from '../check.types.ts';

/**
 * A container check has no probe: the docker area feeds its observations to the state
 * machine as the engine reports changes and stats. A scheduled run has nothing to add.
 */
export const dockerCheck = defineCheckType<DockerConfig, Observation | null>({
  type: 'docker',
  config: DockerConfig,
  run: () => Promise.resolve(null),
});
