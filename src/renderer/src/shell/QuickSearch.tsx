/**
 * Ctrl/Cmd+K from anywhere: jump to a case by reference (its check character is validated) or
 * by complainant name. Arrow keys choose, Enter opens.
 */
import { Alert, Button, Kbd, Modal, NavLink, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useApiQuery } from '../api/queries';

export function QuickSearch() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [opened, setOpened] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [debounced] = useDebouncedValue(query.trim(), 100);
  const searching = debounced.length >= 2;
  // The previous answer stays while the next is on its way, so the list does not flicker as you type.
  const results = useApiQuery('cases.quickSearch', { query: debounced, limit: 10 }, { enabled: searching, placeholderData: keepPreviousData });
  useHotkeys([['mod+K', () => setOpened(true)]], []);
  const answer = searching ? results.data : undefined;
  const hits = answer?.hits ?? [];
  const open = (caseId: string) => {
    setOpened(false);
    setQuery('');
    navigate(`/case/${caseId}`);
  };
  return (
    <>
      <Button variant="default" size="xs" leftSection={<IconSearch size={14} aria-hidden />} rightSection={<Kbd size="xs">Ctrl K</Kbd>} onClick={() => setOpened(true)} data-testid="quick-search-open">
        {t('shell.quickSearch')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('quickSearch.title')} size="lg">
        <Stack gap="sm">
          <TextInput
            label={t('quickSearch.label')}
            placeholder={t('quickSearch.placeholder')}
            value={query}
            data-autofocus
            data-testid="quick-search-input"
            onChange={(event) => {
              setQuery(event.currentTarget.value);
              setActive(0);
            }}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, hits.length - 1));
              else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0));
              else if (event.key === 'Enter' && hits[active]) open(hits[active].id);
              else return;
              event.preventDefault();
            }}
            aria-describedby="quick-search-hint"
          />
          <Text id="quick-search-hint" size="xs" c="dimmed">
            {t('quickSearch.hint')}
          </Text>
          {answer?.referenceProblem && (
            <Alert color="red" role="alert" data-testid="quick-search-problem">
              {t(`quickSearch.${answer.referenceProblem}`)}
            </Alert>
          )}
          {searching && !results.isFetching && hits.length === 0 && !answer?.referenceProblem && <Text c="dimmed">{t('quickSearch.noResults')}</Text>}
          <div role="listbox" aria-label={t('quickSearch.title')}>
            {hits.map((hit, index) => (
              <NavLink
                key={hit.id}
                role="option"
                aria-selected={index === active}
                active={index === active}
                label={`${hit.reference} · ${hit.complainantName}`}
                description={`${t(`statuses.${hit.status}`)} · ${hit.summary}`}
                onClick={() => open(hit.id)}
                data-testid="quick-search-hit"
              />
            ))}
          </div>
        </Stack>
      </Modal>
    </>
  );
}
