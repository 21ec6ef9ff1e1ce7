/**
 * A string input held as the forms hold it (controlled, in the app's language), for the tests of
 * the office date, date-and-time and month inputs: every value the field hands over is recorded.
 */
import { screen } from '@testing-library/react';
import { useState, type ComponentType } from 'react';
import { vi } from 'vitest';
import type { Language } from '../i18n/i18n';
import { renderWithProviders } from './render';

export interface StringInputProps {
  readonly label: string;
  readonly value?: string;
  readonly onChange: (value: string) => void;
}

function Field({
  Input,
  label,
  initial,
  onValue,
}: {
  readonly Input: ComponentType<StringInputProps>;
  readonly label: string;
  readonly initial: string;
  readonly onValue: (value: string) => void;
}) {
  const [value, setValue] = useState(initial);
  return (
    <Input
      label={label}
      value={value}
      onChange={(next) => {
        setValue(next);
        onValue(next);
      }}
    />
  );
}

/** Renders `Input` labelled `label`, starting at `initial`; `onValue` has every value it handed over. */
export function renderControlledField(Input: ComponentType<StringInputProps>, label: string, language: Language, initial = '') {
  const onValue = vi.fn<(value: string) => void>();
  renderWithProviders(<Field Input={Input} label={label} initial={initial} onValue={onValue} />, undefined, language);
  return { onValue, input: screen.getByLabelText<HTMLInputElement>(label) };
}
