/**
 * bench:cases, with and without the key (issue 14): one profile in a process of its own (RxDB's
 * open-source build allows 16 collections per process, and a profile has more than 8). Seeds the
 * demo cases, then answers the parent's requests, timing each operation here so the message
 * passing is not measured. Started by cases-profiles.ts.
 */
import path from 'node:path';
import { systemClock } from '../../src/main/domain/clock';
import { seedDemoCases } from '../../src/main/domain/demo/seed-demo';
import { seedAdministrator } from '../../src/main/identity/seed-account';
import { startMainServices } from '../../src/main/services';
import { isEncryptedFile } from './key-comparison';
import type { CaseOperation, WorkerReply, WorkerRequest } from './case-profile-protocol';

const [dataDirectory = '', encryption = 'at-rest', count = '1000'] = process.argv.slice(2);
if (encryption !== 'at-rest' && encryption !== 'none-for-tests') throw new Error(`Unknown encryption ${encryption}`);
const send = (reply: WorkerReply) => process.send?.(reply);

const services = await startMainServices({ dataDirectory, host: 'harness', appName: 'Plaint', version: 'bench', idleLock: false, encryption });
await seedAdministrator(services);
const domain = services.domain;
if (!domain) throw new Error('The database did not open');
await seedDemoCases(domain, systemClock, Number(count));
if (isEncryptedFile(path.join(dataDirectory, 'plaint.sqlite')) !== (encryption === 'at-rest'))
  throw new Error(`The profile in ${dataDirectory} is not as asked (${encryption})`);

const call = async <T>(method: string, input: unknown): Promise<T> => {
  const response = await services.dispatch(method, input, { host: 'test' });
  if (!response.ok) throw new Error(`${method}: ${JSON.stringify(response.error)}`);
  return response.result as T;
};
const recent = (await domain.db.cases.find({ sort: [{ receivedAt: 'desc' }], limit: 2000 }).exec()).map((d) => d.id);
const acknowledged = (await domain.db.cases.find({ selector: { status: 'acknowledged' }, limit: 400 }).exec()).map((d) => d.id);
let moved = 0;
const terms = ['smith', 'berzins', 'refund', 'parcel damaged', 'patel', 'locked', 'olivia jones', 'courier'];

const operations: Record<CaseOperation, (run: number) => Promise<unknown>> = {
  list: async (run) =>
    (await call<{ total: number }>('cases.list', { filters: { open: true }, sort: { field: 'nextDueAt', direction: 'asc' }, offset: run, limit: 100 })).total,
  count: () => call('cases.count', { views: { open: { open: true }, breached: { deadline: 'breached' }, dueToday: { deadline: 'due-today' } } }),
  search: async (run) => (await call<{ total: number }>('cases.list', { search: terms[run % terms.length], limit: 100 })).total,
  open: async (run) => (await call<{ timeline: unknown[] }>('cases.get', { caseId: recent[run % recent.length] })).timeline.length,
  // Each call (the warm-up too) moves a case of its own.
  transition: async () =>
    (
      await call<{ case: { status: string } }>('cases.act', {
        caseId: acknowledged[moved++],
        action: { type: 'startInvestigation', at: new Date().toISOString() },
      })
    ).case.status,
  note: (run) => call('cases.addNote', { caseId: recent[(run * 7) % recent.length], text: `Bench note ${run}` }).then(() => true),
  deadlines: async () => (await domain.queries.openDeadlines(new Date())).length,
};

process.on('message', (request: WorkerRequest) => {
  if (request.type === 'close') {
    void services.close().then(() => process.exit(0));
    return;
  }
  const start = performance.now();
  operations[request.operation](request.run).then(
    (found) => send({ type: 'done', id: request.id, ms: performance.now() - start, found }),
    (error: unknown) => send({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) }),
  );
});
send({ type: 'ready', acknowledged: acknowledged.length });
