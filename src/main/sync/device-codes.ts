/**
 * Reference numbers stay unique across devices (P-3.2): each device's code (the first part of
 * every reference it issues) is claimed in a shared registry. Two devices that drew the same
 * code offline both claim it; the conflict policy keeps the earlier claim, and the newer device
 * takes a fresh code that nobody holds. References it issued before keep their number.
 */
import type { RxCollection, RxDatabase } from 'rxdb';
import { deviceCodeClaimSchema } from '../../shared/domain/records';
import { storedSchemaOf } from '../database/stored-schema';
import { withConflictHandler, type ConflictHandlerFor } from '../domain/collections';
import type { DeviceIdentity } from '../domain/device-identity';
import type { DeviceCodeClaim } from './merge/record-merge';

const claimSchema = storedSchemaOf<DeviceCodeClaim>(deviceCodeClaimSchema, {
  title: 'device code claim',
  version: 0,
  primaryKey: 'id',
  fields: { id: { maxLength: 16 }, deviceId: { maxLength: 64 }, claimedAt: { maxLength: 30 } },
  required: ['id', 'deviceId', 'claimedAt'],
});

export type DeviceCodeCollection = RxCollection<DeviceCodeClaim>;

export async function addDeviceCodeCollection(database: RxDatabase, handlerFor?: ConflictHandlerFor): Promise<DeviceCodeCollection> {
  if (!database.collections['deviceCodes'])
    await database.addCollections({ deviceCodes: { schema: claimSchema, ...withConflictHandler<DeviceCodeClaim>('deviceCodes', handlerFor) } });
  return database.collections['deviceCodes'] as DeviceCodeCollection;
}

/** Claims this device's code, or takes a new one if another device holds it. Returns the code in use. */
export async function claimDeviceCode(
  codes: DeviceCodeCollection,
  identity: DeviceIdentity,
  now: () => Date,
): Promise<{ code: string; changedFrom: string | null }> {
  const state = await identity.state();
  const claim = await codes.findOne(state.deviceCode).exec();
  if (!claim) {
    await codes.insert({ id: state.deviceCode, deviceId: state.deviceId, claimedAt: now().toISOString() }).catch(() => undefined);
    return { code: state.deviceCode, changedFrom: null };
  }
  if (claim.deviceId === state.deviceId) return { code: state.deviceCode, changedFrom: null };
  const taken = new Set((await codes.find().exec()).map((document) => document.id));
  const code = await identity.takeNewDeviceCode(taken);
  await codes.insert({ id: code, deviceId: state.deviceId, claimedAt: now().toISOString() });
  return { code, changedFrom: state.deviceCode };
}
