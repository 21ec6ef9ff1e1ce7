/**
 * Test fixture run as a separate process and killed with SIGKILL at a random moment: writes
 * through RxDB on the SQLite storage in a loop (single inserts, bulk inserts of 40, updates of one
 * counter document) and prints each write only after its promise resolved.
 * Usage: crash-writer.ts <directory> <round>
 */
import { createRxDatabase, type RxCollection } from 'rxdb';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { getRxStorageSqlite } from '../sqlite-storage';
import { makePeople, personSchema, type Person } from './index';

const BATCH = 40;
const [directory, roundText] = process.argv.slice(2);
const round = Number(roundText);
const db = await createRxDatabase<{ people: RxCollection<Person> }>({
  name: 'plaint',
  storage: wrappedValidateAjvStorage({ storage: getRxStorageSqlite({ directory: directory ?? '.' }) }),
  multiInstance: false,
});
await db.addCollections({ people: { schema: personSchema } });
const template = makePeople(1, round)[0] as Person;
const counter = (await db.people.findOne('counter').exec()) ?? (await db.people.insert({ ...template, id: 'counter', age: 0 }));
let value = counter.age;
process.stdout.write('READY\n');

for (let n = 0; ; n += 1) {
  const id = `r${round}-${n}`;
  if (n % 3 === 0) {
    await db.people.insert({ ...template, id });
    process.stdout.write(`W ${id}\n`);
  } else if (n % 3 === 1) {
    // A batch large enough that a kill would often land inside it, were it not one transaction.
    const ids = Array.from({ length: BATCH }, (_, index) => `${id}-b${index}`);
    await db.people.bulkInsert(ids.map((bulkId) => ({ ...template, id: bulkId })));
    process.stdout.write(`W ${ids.join(' ')}\n`);
  } else {
    value = (value + 1) % 150;
    const current = await db.people.findOne('counter').exec();
    await current?.incrementalPatch({ age: value });
    process.stdout.write(`U ${value}\n`);
  }
}
