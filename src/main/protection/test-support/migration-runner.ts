/**
 * Child process for the migration kill test: encrypts the plaintext profile in argv[2] in place,
 * printing each step, so the parent can kill it with SIGKILL at a random point.
 */
import path from 'node:path';
import { TEST_SCRYPT_COST } from '../../identity/password';
import { keyFilePath } from '../key-file';
import { encryptPlaintextProfile, finishInterruptedMigration } from '../plaintext-migration';

const directory = process.argv[2] ?? '.';
const databaseFile = path.join(directory, 'plaint.sqlite');
const keyring = { file: keyFilePath(databaseFile), protector: null, cost: TEST_SCRYPT_COST };
finishInterruptedMigration(databaseFile, keyring);
process.stdout.write('migrating\n');
await encryptPlaintextProfile({ databaseFile, keyring, onProgress: (step) => void process.stdout.write(`${step}\n`) });
process.stdout.write('finished\n');
