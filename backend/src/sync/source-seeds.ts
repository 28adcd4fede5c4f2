import type { CommandSourceConfig } from '../config/command-sources';

/** A connection by field name, as the source declares its fields. */
export type SeedConnection = { baseUrl: string; [field: string]: string };

/**
 * What a first start stores beyond the environment, given by the composition root: the demo's stand-in
 * upstreams (`demo/`) fill it, production leaves it empty. A source whose stored address is its seeded one
 * is shown as a stand-in.
 */
export type SourceSeeds = {
  /** Connections by source id, used when the environment names none. */
  connections: Record<string, SeedConnection>;
  /** Options by source id, stored over the source's defaults. */
  options: Record<string, Record<string, unknown>>;
  /** Command sources the demo configures (like `COMMAND_SOURCES_FILE` entries, which win over them). */
  commandSources: CommandSourceConfig[];
};

export const NO_SOURCE_SEEDS: SourceSeeds = { connections: {}, options: {}, commandSources: [] };

export const SOURCE_SEEDS = Symbol('SOURCE_SEEDS');
