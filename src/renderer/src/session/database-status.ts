/**
 * The database's status for the screens before the app (start, sign-in, recovery): asked once
 * (app.info) and then followed through app.status, so an upgrade's steps (P-7.2) show while the
 * session is not known yet or the database is still locked. Null until the first answer, or
 * without a bridge.
 */
import { useEffect, useState } from 'react';
import type { DatabaseStatus } from '@shared/api/types/app';
import { call, hasBridge, subscribe } from '../api/client';

export function useDatabaseStatus(): DatabaseStatus | null {
  const [database, setDatabase] = useState<DatabaseStatus | null>(null);
  useEffect(() => {
    if (!hasBridge()) return undefined;
    let live = true;
    void call('app.info', {}).then(
      // An app.status that came first is newer than the answer.
      (info) => live && setDatabase((shown) => shown ?? info.database),
      () => undefined,
    );
    const stop = subscribe('app.status', (status) => live && setDatabase(status.database));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return database;
}
