/** How an imported message is stored (issue 17): its own file, owned by the mailbox until a triage makes it a letter. */
export const MAILBOX_OWNER = 'mailbox';
export const MESSAGE_MIME_TYPE = 'message/rfc822';
