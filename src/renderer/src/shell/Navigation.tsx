import { NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { SECTIONS } from './sections';

export function Navigation({ onNavigate }: { readonly onNavigate: () => void }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  return (
    <Stack component="nav" aria-label={t('nav.label')} gap={4}>
      {SECTIONS.map((section) => {
        const active = location === section.path || location.startsWith(`${section.path}/`);
        const Icon = section.icon;
        return (
          <NavLink
            key={section.id}
            component={Link}
            href={section.path}
            label={t(`nav.${section.id}`)}
            leftSection={<Icon size={20} stroke={1.6} aria-hidden />}
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
            data-testid={`nav-${section.id}`}
          />
        );
      })}
    </Stack>
  );
}
