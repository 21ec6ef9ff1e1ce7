/** `post.*`: the post room. */
import type { PostRoomService } from '../../post-room/post-room-service';
import type { ApiHandlers } from '../dispatcher';

type Methods = Extract<keyof ApiHandlers, `post.${string}`>;

export function postHandlers(postRoom: () => PostRoomService): Pick<ApiHandlers, Methods> {
  return {
    'post.logIncoming': (input) => postRoom().logIncoming(input),
    'post.undo': (input) => postRoom().undo(input.letterId),
    'post.list': (input) => postRoom().list(input),
    'post.draftLetter': (input) => postRoom().draft(input),
    'post.finaliseLetter': (input) => postRoom().finalise(input),
    'post.logPosting': (input) => postRoom().logPosting(input),
    'post.file': (input) => postRoom().file(input.fileId),
    'post.dayBook': (input) => postRoom().dayBook(input),
    'post.templates': () => postRoom().templates(),
    'post.saveTemplate': async (input) => (await postRoom().saveTemplate(input.template, input.language, input.text), postRoom().templates()),
  };
}
