/** `post.*`: the post room. */
import type { PostRoomService } from '../../post-room/post-room-service';
import type { ApiHandlers } from '../dispatcher';
import type { AccessLog } from '../../domain/access-log/access-log';

type Methods = Extract<keyof ApiHandlers, `post.${string}`>;

export function postHandlers(postRoom: () => PostRoomService, accessLog: () => AccessLog): Pick<ApiHandlers, Methods> {
  return {
    'post.logIncoming': (input, context) => postRoom().logIncoming(input, context.viewer),
    'post.undo': (input, context) => postRoom().undo(input.letterId, context.viewer),
    'post.list': (input, context) => postRoom().list(input, context.viewer),
    'post.draftLetter': (input, context) => postRoom().draft(input, context.viewer),
    'post.finaliseLetter': (input, context) => postRoom().finalise(input, context.viewer),
    'post.logPosting': (input, context) => postRoom().logPosting(input, context.viewer),
    'post.logPostings': (input, context) => postRoom().logPostings(input, context.viewer),
    // P-7.2: opening (to read or print) a letter or scan of a case, and exports, are logged.
    'post.file': async (input, context) => {
      const file = await postRoom().file(input.fileId, context.viewer);
      const owner = await postRoom().caseOfFile(input.fileId);
      if (owner) await accessLog().record(context.viewer, 'file-opened', [owner], file.name);
      return file;
    },
    'post.dayBook': async (input, context) => {
      const book = await postRoom().dayBook(input, context.viewer);
      await accessLog().recordExport(
        context.viewer,
        book.rows.map((row) => row.caseReference),
        book.name,
      );
      return book;
    },
    'post.templates': () => postRoom().templates(),
    'post.saveTemplate': async (input) => (await postRoom().saveTemplate(input.template, input.language, input.text), postRoom().templates()),
  };
}
