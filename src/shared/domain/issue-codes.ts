/**
 * Every reason the main process can give for refusing an input, by code. The renderer shows each
 * in the user's language (`errors.issues.<code>` in every locale, checked by the compiler and a
 * test); the English sentence the main process attaches is for the log (issue 12).
 */
export const ISSUE_CODES = [
  // From the input schemas (zod's own checks, mapped in api/issue-mapping.ts).
  'required',
  'too_long',
  'too_short',
  'too_few',
  'too_many',
  'too_small',
  'too_big',
  'not_whole',
  'invalid_type',
  'invalid_choice',
  'invalid_date',
  'invalid_datetime',
  'invalid_email',
  'invalid_format',
  'unknown_field',
  'date_out_of_range',
  // Rules of the input schemas.
  'either_time_or_day',
  'email_needed',
  'phone_needed',
  'address_needed',
  'phone_characters',
  'country_code',
  'currency_code',
  'refund_amount_needed',
  'refund_currency_needed',
  'redress_description_needed',
  'nothing_to_change',
  'invalid_base64',
  'time_of_day',
  'region_code',
  'type_id_format',
  'database_name',
  'server_address',
  'insecure_server_address',
  'postcode_invalid',
  'letter_dated_after_receipt',
  'reference_needed',
  'type_needed',
  'routed_to_needed',
  'tracking_number_needed',
  'start_after_end',
  'ids_or_all',
  'too_many_views',
  /** Issue 16: an exported table row with more or fewer cells than the header. */
  'ragged_rows',
  'target_after_limit',
  'closes_before_opens',
  // Domain rules.
  'not_found',
  /** P-7.1: need-to-know refused a case read. */
  'case_not_visible',
  /** P-7.1: only a manager may restrict a case or lift its restriction. */
  'managers_only',

  'future_time',
  'before_receipt',
  'before_request',
  'before_granted',
  'before_question',
  'after_acknowledgement',
  'related_to_itself',
  'inactive',
  'unknown_type',
  'retired_type',
  'invalid_transition',
  'not_later',
  'not_after_now',
  'wrong_deadline',
  'already_told',
  'too_late',
  'case_changed',
  'not_outgoing',
  'already_posted',
  'before_finalised',
  'before_case',
  'unreadable',
  'polyglot',
  'file_too_big',
  'reference_empty',
  'reference_character',
  'reference_too_short',
  'reference_too_long',
  'reference_check',
  'escalation_not_possible',
  'last_type_in_use',
  'own_profile',
  'unknown_region',
  'unknown_time_zone',
  'invalid_closure',
  'not_a_date',
  'closed_and_working',
  'empty_work_week',
  'not_a_weekday',
  // Not a field: the state of the app or its data.
  'file_arriving',
  'file_damaged',
  'staff_inactive',
  'sync_off',
  'administrators_only',
  'server_admin_needed',
  'server_unreachable',
  'server_refused',
  // Accounts and sign-in.
  'wrong_password',
  'too_many_attempts',
  'signed_out',
  'team_exists',
  'login_format',
  'login_taken',
  'last_administrator',
  'role_refused',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

/** What a sentence needs: limits, dates, names, the action refused. */
export type IssueParams = Readonly<Record<string, string | number>>;

export function isIssueCode(value: unknown): value is IssueCode {
  return typeof value === 'string' && (ISSUE_CODES as readonly string[]).includes(value);
}
