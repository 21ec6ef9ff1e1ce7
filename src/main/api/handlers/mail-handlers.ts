/** `mail.*`: the team mailbox and the incoming-e-mail register (issue 17). */
import type { MailService } from '../../mail/mail-service';
import type { ApiHandlers } from '../dispatcher';

type Methods = Extract<keyof ApiHandlers, `mail.${string}`>;

export function mailHandlers(mail: () => MailService): Pick<ApiHandlers, Methods> {
  return {
    'mail.settings': () => mail().settings(),
    'mail.configure': (input) => mail().configure(input),
    'mail.fetch': () => mail().fetch(),
    'mail.list': (input, context) => mail().list(input.include, context.viewer),
    'mail.triage': (input, context) => mail().triage(input, context.viewer),
    'mail.send': (input, context) => mail().send(input.letterId, context.viewer),
    'mail.outbox': () => mail().outbox(),
    'mail.sendQueued': () => mail().sendQueued(),
  };
}
