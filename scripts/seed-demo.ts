/**
 * npm run seed:demo -- --data-dir <dir> [--count 2000] [--seed 20261125]
 * Fills a data directory with demo staff and realistic cases for people trying Plaint, in a team
 * whose administrator signs in as admin / plaint-admin-password (SEED_ADMIN; every role). The demo
 * staff have no password until the administrator sets one. Then run the app on it:
 * npm start -- -- --data-dir <dir> (close the app on that directory first).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seedDemoCases } from '../src/main/domain/demo/seed-demo';
import { systemClock } from '../src/main/domain/clock';
import { startMainServices } from '../src/main/services';
import { SEED_ADMIN, seedAdministrator } from '../src/main/identity/seed-account';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, count: { type: 'string', default: '2000' }, seed: { type: 'string', default: '20261125' } },
});
if (!values['data-dir']) {
  console.error('Usage: npm run seed:demo -- --data-dir <directory> [--count 2000] [--seed 20261125]');
  process.exit(2);
}
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
  console.error('--count must be a whole number from 1 to 1 000 000');
  process.exit(2);
}
const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '..', 'package.json'), 'utf8')) as { productName: string; version: string };
const services = await startMainServices({ dataDirectory: values['data-dir'], host: 'harness', appName: pkg.productName, version: pkg.version });
if (!services.domain) {
  console.error(`The database could not be opened: see ${services.logger.file}`);
  process.exit(1);
}
const started = Date.now();
await seedAdministrator(services);
await services.session?.signOut();
await seedDemoCases(services.domain, systemClock, count, Number(values.seed), (done) => process.stdout.write(`\rSeeded ${done} of ${count} cases`));
await services.close();
console.log(
  `\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s: ${path.resolve(values['data-dir'])}\nSign in as ${SEED_ADMIN.login} / ${SEED_ADMIN.password} (change the password in Settings → Staff).`,
);
