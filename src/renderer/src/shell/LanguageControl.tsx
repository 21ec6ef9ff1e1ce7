import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLanguage, rememberLanguage, SUPPORTED_LANGUAGES } from '../i18n/i18n';

/** Switches between English (UK) and Latvian at run time; remembered on this device. */
export function LanguageControl() {
  const { t, i18n } = useTranslation();
  return (
    <Select
      size="xs"
      w={130}
      aria-label={t('language.label')}
      data={SUPPORTED_LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
      value={i18n.language}
      allowDeselect={false}
      onChange={(value) => {
        if (!isLanguage(value)) return;
        rememberLanguage(value);
        void i18n.changeLanguage(value);
      }}
      data-testid="language-select"
    />
  );
}
