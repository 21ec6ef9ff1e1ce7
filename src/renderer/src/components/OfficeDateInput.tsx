/**
 * The one date input of the renderer (issue 18): shown and typed in the app's language
 * (07/12/2026 in English, 07.12.2026 in Latvian) whatever the PC's locale, with a calendar to pick
 * from, and holding the same `YYYY-MM-DD` string (or '' when empty) the forms used with the
 * browser's native date input, so validation and API payloads are unchanged.
 */
import { DateInput, type DateInputProps } from '@mantine/dates';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/lv';
import { useTranslation } from 'react-i18next';
import { dateFormatFor, dayjsLocaleFor, parseTypedDate } from './office-date-format';

export interface OfficeDateInputProps extends Omit<DateInputProps, 'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'dateParser' | 'locale'> {
  /** `YYYY-MM-DD`, or '' for no date. */
  readonly value?: string;
  /** `YYYY-MM-DD` once a whole real date is typed or picked; '' when the field is cleared. */
  readonly onChange: (value: string) => void;
}

export function OfficeDateInput({ value, onChange, required, ...rest }: OfficeDateInputProps) {
  const { t, i18n } = useTranslation();
  const format = dateFormatFor(i18n.language);
  return (
    <DateInput
      {...rest}
      required={required}
      value={parseTypedDate(value ?? '') ?? null}
      onChange={(next) => onChange(next ?? '')}
      valueFormat={format}
      dateParser={parseTypedDate}
      locale={dayjsLocaleFor(i18n.language)}
      placeholder={rest.placeholder ?? format}
      // An emptied field is '' (as the native input was), so "required" can say so.
      allowDeselect
      clearable={!required && !rest.disabled && !rest.readOnly}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
    />
  );
}
