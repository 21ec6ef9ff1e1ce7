/**
 * The one month input of the renderer (issue 18): a calendar month picked from a year's months,
 * named in the app's language ("November 2026", "2026. gada novembris") whatever the PC's locale,
 * holding the `YYYY-MM` string that `<input type="month">` held.
 */
import { MonthPickerInput, type MonthPickerInputProps } from '@mantine/dates';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/lv';
import { useTranslation } from 'react-i18next';
import { dayjsLocaleFor, monthFormatFor } from './office-date-format';

export interface OfficeMonthInputProps extends Omit<MonthPickerInputProps, 'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'locale' | 'type'> {
  /** `YYYY-MM`, or '' for none. */
  readonly value?: string;
  /** `YYYY-MM` of the month picked. */
  readonly onChange: (value: string) => void;
}

const MONTH = /^\d{4}-\d{2}$/;

export function OfficeMonthInput({ value, onChange, ...rest }: OfficeMonthInputProps) {
  const { i18n } = useTranslation();
  return (
    <MonthPickerInput
      {...rest}
      value={value && MONTH.test(value) ? `${value}-01` : null}
      onChange={(picked) => picked && onChange(picked.slice(0, 7))}
      valueFormat={monthFormatFor(i18n.language)}
      locale={dayjsLocaleFor(i18n.language)}
    />
  );
}
