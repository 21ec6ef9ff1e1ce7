/**
 * Issue 18: the sender's contact details as typed on the register or the new-complaint form,
 * turned into what `cases.contactOffers` and `cases.updateContact` take. A field that is not (yet)
 * valid is left out, so a half-typed e-mail address asks about the rest instead of failing; an
 * empty field brings nothing.
 */
import { typedContactSchema, type TypedContact } from '@shared/domain/contact-update';
import { emailAddress, phoneNumber } from '@shared/domain/fields';
import { postalAddressSchema } from '@shared/domain/inputs';

/** The contact fields both intake forms have. */
export interface TypedContactValues {
  readonly email: string;
  readonly phone: string;
  readonly customerNumber: string;
  /** One address line per line of text. */
  readonly addressLines: string;
  readonly postcode: string;
  readonly country: string;
}

/** A telephone number with fewer digits than this cannot tell one person from another. */
const PHONE_DIGITS = 6;

export function typedContact(values: TypedContactValues): TypedContact {
  const lines = values.addressLines
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const address = postalAddressSchema.safeParse({ lines, postcode: values.postcode.trim().toUpperCase(), country: values.country.trim().toUpperCase() });
  const email = emailAddress.safeParse(values.email.trim());
  const phone = phoneNumber.safeParse(values.phone.trim());
  return typedContactSchema.parse({
    email: email.success ? email.data : '',
    phone: phone.success ? phone.data : '',
    customerNumber: values.customerNumber.trim().slice(0, 60),
    address: lines.length > 0 && address.success ? address.data : null,
  });
}

/** Whether the details can recognise someone: an e-mail address, a telephone number or a customer number. */
export function recognisable(contact: TypedContact): boolean {
  return contact.email !== '' || contact.customerNumber !== '' || contact.phone.replace(/\D/g, '').length >= PHONE_DIGITS;
}
