/**
 * Seeds a data directory before the Electron app starts on it (the `electron` Playwright project
 * cannot pass test options to the app itself, and the product has no test-only arguments).
 * Usage: tsx e2e/harness/prepare-data.ts --data-dir <dir> [--seed-admin] [--seed-demo N] [--seed-scale N]
 */
import { parseArgs } from 'node:util';
import { systemClock } from '../../src/main/domain/clock';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { startMainServices } from '../../src/main/services';
import { seedData } from './seed-data';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'seed-admin': { type: 'boolean', default: false },
    'seed-demo': { type: 'string' },
    'seed-scale': { type: 'string' },
  },
});
const dataDirectory = values['data-dir'];
if (!dataDirectory) throw new Error('--data-dir <directory> is required');
const services = await startMainServices({ dataDirectory, host: 'harness', appName: 'Plaint', version: 'prepare', logger: createMemoryLogger() });
await seedData(services, systemClock, { admin: values['seed-admin'], demo: Number(values['seed-demo'] ?? 0), scale: Number(values['seed-scale'] ?? 0) });
await services.close();
