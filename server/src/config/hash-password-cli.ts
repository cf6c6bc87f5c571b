/**
 * `npm run hash-password -- 'the password'` prints the scrypt hash to paste into an agent's
 * `passwordHash` in the config file. Reads the password from stdin when no argument is given,
 * so it need not land in the shell history.
 */
import { stdin, stdout } from 'node:process';
import { hashPassword } from './password.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const password = process.argv[2] ?? (await readStdin());
if (!password) {
  process.stderr.write('Give the password as an argument or on standard input.\n');
  process.exit(1);
}
stdout.write(`${await hashPassword(password)}\n`);
