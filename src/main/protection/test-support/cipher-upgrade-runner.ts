/**
 * Child process for the cipher-upgrade kill test: moves the ChaCha20 profile in argv[2] to AEGIS
 * with the key in argv[3], printing each step, so the parent can kill it with SIGKILL at a random point.
 */
import path from 'node:path';
import { upgradeProfileCipher } from '../cipher-upgrade';

const directory = process.argv[2] ?? '.';
const key = process.argv[3] ?? '';
process.stdout.write('upgrading\n');
const outcome = await upgradeProfileCipher({
  databaseFile: path.join(directory, 'plaint.sqlite'),
  key,
  onProgress: (step) => void process.stdout.write(`${step}\n`),
});
process.stdout.write(`${outcome}\n`);
