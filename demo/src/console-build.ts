import { ensureConsoleBuilt } from '../../agent/build/ensure-built.js';

/** `npm start` on a fresh clone: build the agent console first if agent/dist is missing or stale. */
export async function prepareConsole(): Promise<void> {
  try {
    await ensureConsoleBuilt((line) => process.stdout.write(`  ${line}\n`));
  } catch (error) {
    process.stderr.write(`  The agent console could not be built (${(error as Error).message}); /agent/ will answer 404 until \`npm run build\` succeeds.\n`);
  }
}
