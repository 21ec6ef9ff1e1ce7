/**
 * Replication errors in the log and the status (issue 11): the reason survives (RxDB's detail is
 * not cut off before it), personal data does not (RxDB's errors carry whole documents).
 */
import { describe, expect, it } from 'vitest';
import { describeReplicationError, problemOfReplicationError } from './replication-errors';

const document = { id: 'case-7', complainant: { name: 'Jānis Bērziņš', email: 'janis@example.lv' } };

describe('replication errors', () => {
  it('a local write RxDB could not store: the rule and the id, not the document', () => {
    const error = {
      name: 'RxError',
      code: 'RC_PULL',
      message: `RxError (RC_PULL): … ${JSON.stringify(document)}`,
      parameters: {
        writeError: { status: 422, documentId: 'case-7', document, validationErrors: [{ instancePath: '/clock', keyword: 'type', message: 'must be object' }] },
      },
    };
    const description = describeReplicationError(error);
    expect(description).toEqual({ code: 'RC_PULL', causes: ['RxError', 'local write refused (status 422)', 'schema: /clock type'], ids: ['case-7'] });
    expect(JSON.stringify(description)).not.toContain('janis');
    expect(problemOfReplicationError(description)).toMatchObject({ kind: 'local-write', message: expect.stringContaining('case-7') as unknown });
  });

  it("a handler's own error inside RxDB's wrapper keeps its message (ids and statuses only)", () => {
    const error = {
      name: 'RxError',
      code: 'RC_PULL',
      parameters: { errors: [{ name: 'BadAnswerError', message: "The server's answer to _changes is not a CouchDB answer" }] },
    };
    const description = describeReplicationError(error);
    expect(description.causes).toContain("The server's answer to _changes is not a CouchDB answer");
    expect(problemOfReplicationError(description)?.kind).toBe('bad-answer');
    // A network failure is the fetch's to report (as "unreachable"), not a second problem.
    expect(
      problemOfReplicationError(describeReplicationError({ code: 'RC_PULL', parameters: { errors: [{ name: 'TypeError', message: 'fetch failed' }] } })),
    ).toBeNull();
  });
});
