/** Postal addresses: UK postcodes validated and formatted (the `postcode` library); other countries as written. */
import { isValid, toNormalised } from 'postcode';

export type PostcodeCheck = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };

export function checkPostcode(country: string, postcode: string): PostcodeCheck {
  const trimmed = postcode.trim();
  if (country.toUpperCase() !== 'GB' || trimmed === '') return { ok: true, value: trimmed.toUpperCase() };
  return isValid(trimmed) ? { ok: true, value: toNormalised(trimmed) ?? trimmed.toUpperCase() } : { ok: false, message: 'Not a valid UK postcode' };
}
