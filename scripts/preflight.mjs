#!/usr/bin/env node
// Before the tests: make sure the system programs they start for real are installed. As root on
// Debian (as in CI) missing ones are installed with apt; anywhere else this stops with one line
// saying what to install. Programs are listed by the tests that need them.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** Add an entry when a test suite starts a program of the system: binary path and Debian package. */
const REQUIRED = [
  { binary: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', debianPackage: 'chromium', why: 'browser tests of the widget and the console' },
  { binary: process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server', debianPackage: 'redis-server', why: 'the Redis store and cluster tests' },
  { binary: process.env.HAPROXY_PATH ?? '/usr/sbin/haproxy', debianPackage: 'haproxy', why: 'the cluster tests behind a load balancer' },
];

const missing = REQUIRED.filter(({ binary }) => !existsSync(binary));
if (missing.length === 0) process.exit(0);

const packages = missing.map((m) => m.debianPackage);
const isRoot = process.getuid?.() === 0;
const isDebian = existsSync('/etc/debian_version') || /debian/i.test(existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '');
if (isRoot && isDebian && spawnSync('apt-get', ['--version']).status === 0) {
  process.stdout.write(`preflight: installing ${packages.join(', ')} from Debian's packages for the tests\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  process.exit(0);
}
process.stderr.write(
  `The tests need ${missing.map((m) => `${m.binary} (${m.why})`).join(' and ')}: install the Debian package${packages.length > 1 ? 's' : ''} ${packages.join(' ')} (sudo apt-get install ${packages.join(' ')}).\n`,
);
process.exit(1);
