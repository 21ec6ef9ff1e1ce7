/** `post.*`: the post room. */
import type { PostRoomService } from '../../post-room/post-room-service';
import type { ApiHandlers } from '../dispatcher';

type Methods = Extract<keyof ApiHandlers, `post.${string}`>;

export function postHandlers(postRoom: () => PostRoomService): Pick<ApiHandlers, Methods> {
  return {
    'post.logIncoming': (input) => postRoom().logIncoming(input),
    'post.undo': (input) => postRoom().undo(input.letterId),
    'post.list': (input, context) => postRoom().list(input, context.viewer),
    'post.draftLetter': (input, context) => postRoom().draft(input, context.viewer),
    'post.finaliseLetter': (input, context) => postRoom().finalise(input, context.viewer),
    'post.logPosting': (input) => postRoom().logPosting(input),
    'post.file': (input, context) => postRoom().file(input.fileId, context.viewer),
    'post.dayBook': (input, context) => postRoom().dayBook(input, context.viewer),
    'post.templates': () => postRoom().templates(),
    'post.saveTemplate': async (input) => (await postRoom().saveTemplate(input.template, input.language, input.text), postRoom().templates()),
  };
}
