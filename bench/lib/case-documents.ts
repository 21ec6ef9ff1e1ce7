/**
 * Case-sized documents (about 2 KB, realistic complaint fields) from a seeded generator, for the
 * storage benchmark.
 */
import type { RxJsonSchema } from 'rxdb';
import { seededRandom } from '../../src/shared/random/seeded-random';

export interface BenchCase {
  id: string;
  reference: string;
  status: string;
  stage: number;
  assignee: string;
  channel: string;
  type: string;
  receivedAt: number;
  nextDeadlineAt: number;
  complainant: { name: string; email: string; phone: string; address: string[]; customerNumber: string };
  product: string;
  summary: string;
  description: string;
  desiredOutcome: string;
  departments: string[];
}

export const STATUSES = ['received', 'acknowledged', 'investigating', 'awaiting-third-party', 'resolution-communicated', 'closed'];
export const ASSIGNEES = Array.from({ length: 25 }, (_, i) => `staff-${String(i).padStart(2, '0')}`);

export const benchCaseSchema: RxJsonSchema<BenchCase> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 36 },
    reference: { type: 'string', maxLength: 16 },
    status: { type: 'string', maxLength: 30 },
    stage: { type: 'integer', minimum: 1, maximum: 2, multipleOf: 1 },
    assignee: { type: 'string', maxLength: 40 },
    channel: { type: 'string' },
    type: { type: 'string' },
    receivedAt: { type: 'number', minimum: 0, maximum: 4102444800000, multipleOf: 1 },
    nextDeadlineAt: { type: 'number', minimum: 0, maximum: 4102444800000, multipleOf: 1 },
    complainant: { type: 'object' },
    product: { type: 'string' },
    summary: { type: 'string' },
    description: { type: 'string' },
    desiredOutcome: { type: 'string' },
    departments: { type: 'array', items: { type: 'string' } },
  },
  required: ['id', 'reference', 'status', 'stage', 'assignee', 'receivedAt', 'nextDeadlineAt'],
  indexes: ['reference', ['status', 'receivedAt'], ['assignee', 'nextDeadlineAt']],
};

const WORDS =
  'parcel arrived damaged refund delayed invoice charged twice courier rude replacement missing item warranty battery faulty order tracking email ignored phone call promised callback never happened pharmacy prescription dosage label wrong'.split(
    ' ',
  );

export function makeBenchCases(count: number, seed = 7): BenchCase[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const start = Date.UTC(2024, 0, 1);
  return Array.from({ length: count }, (_, index) => {
    const receivedAt = start + Math.floor(random() * 700 * 86_400_000);
    return {
      id: `case-${String(index).padStart(8, '0')}-${Math.floor(random() * 1e9).toString(36)}`,
      reference: `PLT-${index.toString(36).toUpperCase().padStart(6, '0')}`,
      status: pick(STATUSES),
      stage: random() < 0.15 ? 2 : 1,
      assignee: pick(ASSIGNEES),
      channel: pick(['letter', 'web-form', 'email', 'telephone', 'in-person']),
      type: pick(['service', 'billing', 'product', 'communication', 'customer-service', 'other']),
      receivedAt,
      nextDeadlineAt: receivedAt + Math.floor(random() * 20 * 86_400_000),
      complainant: {
        name: `${pick(['Ann', 'Bob', 'Cara', 'Dev', 'Eve', 'Jānis', 'Līga'])} ${pick(['Smith', 'Jones', 'Bērziņš', 'Ozola', 'Patel'])}`,
        email: `customer${index}@example.org`,
        phone: `+44 20 7946 ${String(index % 10000).padStart(4, '0')}`,
        address: [`${1 + (index % 200)} ${pick(['High Street', 'Station Road', 'Church Lane'])}`, pick(['London', 'Leeds', 'York']), `W1H ${index % 9}PJ`],
        customerNumber: `C${1_000_000 + index}`,
      },
      product: pick(['Vitamin D 1000IU', 'Home test kit', 'Blood pressure monitor', 'Prescription delivery']),
      summary: words(25),
      description: words(190),
      desiredOutcome: words(20),
      departments: [pick(['warehouse', 'pharmacy', 'billing', 'courier'])],
    };
  });
}
