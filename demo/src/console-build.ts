import { ensureConsoleBuilt } from '../../scripts/ensure-console-built.js';

/** `npm start` on a fresh clone: build the agent and admin consoles first if their dist is missing or stale. */
export async function prepareConsoles(): Promise<void> {
  for (const name of ['agent', 'admin'] as const) {
    try {
      await ensureConsoleBuilt(name, (line) => process.stdout.write(`  ${line}\n`));
    } catch (error) {
      process.stderr.write(
        `  The ${name} console could not be built (${(error as Error).message}); /${name}/ will answer 404 until \`npm run build\` succeeds.\n`,
      );
    }
  }
}
