/**
 * Issue 18: a letter or a new complaint from someone who already has a case (the same e-mail
 * address, telephone number or customer number) may bring new contact details. The person logging
 * it is offered to update the existing case's details; nothing changes unless they confirm, and
 * the update is audited on that case's timeline (P-2.1: the complainant's details are the case's).
 */
import { z } from 'zod';
import { emailAddress, id, phoneNumber, text } from './fields';
import { postalAddressSchema } from './inputs';

/** The contact details an intake can bring, in the order they are named. */
export const CONTACT_FIELDS = ['address', 'email', 'phone', 'customerNumber'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** How the sender was recognised as the case's complainant. */
export const CONTACT_MATCHES = ['email', 'phone', 'customerNumber'] as const;
export type ContactMatch = (typeof CONTACT_MATCHES)[number];

/** Where the new details came from. */
export const CONTACT_SOURCES = ['letter', 'complaint'] as const;
export type ContactSource = (typeof CONTACT_SOURCES)[number];

/** The sender's details as typed; an empty field brings nothing (it never erases the case's). */
export const typedContactSchema = z
  .object({
    email: emailAddress,
    phone: phoneNumber,
    customerNumber: text(60).default(''),
    address: postalAddressSchema.nullable().default(null),
  })
  .strict();
export type TypedContact = z.output<typeof typedContactSchema>;

export const contactOffersInput = typedContactSchema;

export const updateContactInput = z
  .object({
    caseId: id,
    source: z.enum(CONTACT_SOURCES),
    contact: typedContactSchema,
  })
  .strict();

/** One existing case whose complainant the sender is, and which of its details the sender's differ from. */
export interface ContactOffer {
  readonly caseId: string;
  readonly reference: string;
  readonly complainantName: string;
  readonly matchedBy: readonly ContactMatch[];
  readonly differs: readonly ContactField[];
}
