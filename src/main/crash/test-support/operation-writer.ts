/**
 * Test fixture run as a separate process and killed with SIGKILL at a random moment: the real
 * main services doing a clerk's and a caseworker's operations in a loop through the API (cases
 * from the phone, letters with multi-part scans that open cases or add correspondence, acts,
 * notes, undo). Each operation is printed only after its call resolved; an undo is announced
 * before it starts, since a kill may land after its commit and before it is reported.
 * Usage: operation-writer.ts <directory> <seed>
 */
import { startMainServices } from '../../services';
import { createMemoryLogger } from '../../logging/logger';
import { seedAdministrator } from '../../identity/seed-account';
import { TEST_SCRYPT_COST } from '../../identity/password';
import { seededRandom } from '@shared/random/seeded-random';

const [directory, seedText] = process.argv.slice(2);
const random = seededRandom(Number(seedText));
const services = await startMainServices({
  dataDirectory: directory ?? '.',
  host: 'harness',
  appName: 'Plaint',
  version: '0.0.0-crash',
  logger: createMemoryLogger(),
  scryptCost: TEST_SCRYPT_COST,
  encryption: 'none-for-tests',
});
// Writes are made by someone: the seed administrator (set up on the first run, signed in on each).
await seedAdministrator(services);

async function call(method: string, input: unknown): Promise<Record<string, unknown>> {
  const response = await services.dispatch(method, input, { host: 'test' });
  if (!response.ok) throw new Error(`${method}: ${JSON.stringify(response.error)}`);
  return response.result as Record<string, unknown>;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** A PDF scan of two chunks (256 KB each), different every time: enough to split, small enough to keep the file small. */
function scan(): { name: string; mimeType: string; dataBase64: string } {
  const size = 262_144 + Math.floor(random() * 60_000);
  const body = Buffer.alloc(size);
  for (let index = 0; index < size; index += 1) body[index] = Math.floor(random() * 256);
  return { name: 'scan.pdf', mimeType: '', dataBase64: Buffer.concat([Buffer.from('%PDF-1.4\n'), body, Buffer.from('\n%%EOF\n')]).toString('base64') };
}

const sender = { name: 'Margaret Hale', addressLines: ['12 Milton Road', 'Manchester'], postcode: 'M1 1AE', country: 'GB' };
const complaint = {
  complainant: { name: 'Jānis Bērziņš', email: 'janis@example.lv', phone: '+371 2000 0000', preferredChannel: 'telephone' },
  channel: 'telephone',
  type: 'product',
  product: 'Monitor',
  summary: 'Monitor stopped working',
  description: 'Error after a week',
  desiredOutcome: 'Replacement',
};
const received: { caseId: string; reference: string }[] = [];
const anyCase = () => received[Math.floor(random() * received.length)] ?? { caseId: '', reference: '' };
const undoable: string[] = [];
const today = new Date().toISOString().slice(0, 10);
say('READY');

for (;;) {
  const roll = random();
  if (roll < 0.2 || received.length === 0) {
    const created = await call('cases.create', { ...complaint, receivedAt: new Date(Date.now() - 2 * 86_400_000).toISOString() });
    received.push({ caseId: String(created['caseId']), reference: String(created['reference']) });
    say(`CASE ${String(created['caseId'])}`);
  } else if (roll < 0.45) {
    const letter = await call('post.logIncoming', { receivedOn: today, sender, kind: 'new-complaint', type: 'product', summary: 'By post', scans: [scan()] });
    received.push({ caseId: String(letter['caseId']), reference: String(letter['caseReference']) });
    undoable.push(String(letter['id']));
    say(`LETTER ${String(letter['id'])} ${String(letter['caseId'])}`);
  } else if (roll < 0.6) {
    const target = anyCase();
    const letter = await call('post.logIncoming', {
      receivedOn: today,
      sender,
      referenceQuoted: target.reference,
      kind: 'correspondence',
      summary: 'More',
      scans: [scan()],
    });
    say(`LETTER ${String(letter['id'])} ${target.caseId}`);
  } else if (roll < 0.75) {
    const target = received.shift() ?? anyCase();
    await call('cases.act', { caseId: target.caseId, action: { type: 'acknowledge', at: new Date().toISOString(), channel: 'email' } });
    say(`ACK ${target.caseId}`);
  } else if (roll < 0.9) {
    const target = anyCase();
    await call('cases.addNote', { caseId: target.caseId, text: 'Called back' });
    say(`NOTE ${target.caseId}`);
  } else if (undoable.length > 0) {
    const letterId = undoable.pop() ?? '';
    say(`UNDOING ${letterId}`);
    const response = await services.dispatch('post.undo', { letterId }, { host: 'test' });
    // Refused when the case has been worked on since (a note, correspondence): then nothing changes.
    if (!response.ok) {
      say(`KEPT ${letterId}`);
      continue;
    }
    const letter = response.result as Record<string, unknown>;
    const index = received.findIndex((item) => item.caseId === letter['caseId']);
    if (index >= 0) received.splice(index, 1);
    say(`UNDONE ${letterId}`);
  }
}
