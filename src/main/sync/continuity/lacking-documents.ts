/**
 * After the server went back (server-continuity.ts): which of this device's documents does the
 * server lack, or hold in another version? Their count is what the status and the log announce
 * ("re-sending N changes"), and the ids let the status count down as they reach the server.
 * Reads the local collection in pages and asks the server for the same ids.
 */
import type { RxCollection } from 'rxdb';
import { allDocsSchema, fromCouch, readAnswer } from '../couch/couch-protocol';
import { ensureOk } from '../couch/couch-pull';
import { sameContent } from '../couch/couch-push';

const PAGE = 200;

export async function lackingDocuments(collection: RxCollection<unknown>, databaseUrl: string, send: typeof fetch): Promise<string[]> {
  const primaryPath = collection.schema.primaryPath as string;
  const lacking: string[] = [];
  for (let page = 0; ; page += 1) {
    const documents = (await collection.find({ sort: [{ [primaryPath]: 'asc' }], skip: page * PAGE, limit: PAGE }).exec()).map(
      (document) => document.toJSON() as Record<string, unknown>,
    );
    if (documents.length === 0) return lacking;
    const ids = documents.map((document) => String(document[primaryPath]));
    const response = await send(`${databaseUrl}_all_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ keys: ids, include_docs: true }),
    });
    const answer = await readAnswer(ensureOk(response, '_all_docs'), allDocsSchema, '_all_docs');
    const onServer = new Map(
      answer.rows.filter((row) => row.doc && !row.value?.deleted).map((row) => [row.key, row.doc ? fromCouch(row.doc, primaryPath) : null]),
    );
    for (const document of documents) {
      const theirs = onServer.get(String(document[primaryPath]));
      if (!theirs || !sameContent(theirs, document)) lacking.push(String(document[primaryPath]));
    }
  }
}
