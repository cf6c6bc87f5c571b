import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatPath } from '@parley/shared';
import { ConfigFile } from '@parley/shared/settings';
import type { z } from 'zod';
import { Env } from './env.js';

/** Start-up configuration problems, each one `where: what is wrong`. main prints them all and exits 1. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Parley cannot start; fix the configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const DEMO_CONFIG_PATH = fileURLToPath(new URL('../../../demo/parley.config.json', import.meta.url));

export type ServerConfig = {
  env: Env;
  file: ConfigFile;
  configPath: string;
  /** Where browsers reach the server, without a trailing slash. */
  publicUrl: string;
};

/** Zod's issues in a site owner's words, each after `where` says which setting it is about. */
function describe(error: z.ZodError, where: (path: string) => string): string[] {
  return error.issues.map((issue) => {
    const what =
      issue.code === 'unrecognized_keys'
        ? `unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`
        : issue.code === 'invalid_type' && issue.input === undefined && issue.message.startsWith('Invalid input')
          ? 'is required'
          : issue.message;
    return `${where(formatPath(issue.path))}: ${what}`;
  });
}

export function parseEnv(source: NodeJS.ProcessEnv): { env?: Env; problems: string[] } {
  // An empty variable (`PORT=`) means "use the default", as most shells users expect.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = Env.safeParse(present);
  if (parsed.success) return { env: parsed.data, problems: [] };
  return { problems: describe(parsed.error, (path) => `environment variable ${path}`) };
}

export function parseConfigFile(path: string): { file?: ConfigFile; problems: string[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : (error as Error).message;
    return { problems: [`config file ${path}: ${reason}`] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { problems: [`config file ${path}: not valid JSON (${(error as Error).message})`] };
  }
  const parsed = ConfigFile.safeParse(raw);
  if (parsed.success) return { file: parsed.data, problems: [] };
  return { problems: describe(parsed.error, (where) => (where ? `${path} ${where}` : path)) };
}

/** Reads the environment and the config file; throws one ConfigError listing every problem in both. */
export function loadServerConfig(source: NodeJS.ProcessEnv = process.env): ServerConfig {
  const { env, problems } = parseEnv(source);
  const configPath = resolve(source.PARLEY_CONFIG || DEMO_CONFIG_PATH);
  const fileResult = parseConfigFile(configPath);
  const all = [...problems, ...fileResult.problems];
  if (!env || !fileResult.file || all.length > 0) throw new ConfigError(all);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  return { env, file: fileResult.file, configPath, publicUrl };
}
