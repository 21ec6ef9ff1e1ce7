/**
 * The one date-and-time input of the renderer (issue 18): typed in one go as the app's language
 * writes it ("07/12/2026 16:00", "07.12.2026 16:00"), 24-hour, with a calendar to pick the day,
 * and holding the same 'YYYY-MM-DDTHH:mm' (office wall-clock) string, or '', that the forms used
 * with `<input type="datetime-local">`. Shown by text alone, so the PC's time zone never shifts it.
 */
import { DateInput, type DateInputProps } from '@mantine/dates';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/lv';
import { useTranslation } from 'react-i18next';
import { dateFormatFor, dayjsLocaleFor, formatDateTime, fromPickerDateTime, parseTypedDateTime, toPickerDateTime } from './office-date-format';

export interface OfficeDateTimeInputProps extends Omit<
  DateInputProps,
  'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'dateParser' | 'locale' | 'withTime'
> {
  /** 'YYYY-MM-DDTHH:mm', or '' for none. */
  readonly value?: string;
  /** 'YYYY-MM-DDTHH:mm' once a whole real date and time is typed or picked; '' when cleared. */
  readonly onChange: (value: string) => void;
}

export function OfficeDateTimeInput({ value, onChange, required, ...rest }: OfficeDateTimeInputProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <DateInput
      {...rest}
      required={required}
      withTime
      value={toPickerDateTime(value ?? '')}
      onChange={(next) => onChange(fromPickerDateTime(next))}
      valueFormat={(picked) => formatDateTime(picked, language)}
      dateParser={parseTypedDateTime}
      locale={dayjsLocaleFor(language)}
      placeholder={rest.placeholder ?? `${dateFormatFor(language)} HH:mm`}
      allowDeselect
      clearable={!required && !rest.disabled && !rest.readOnly}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
    />
  );
}
