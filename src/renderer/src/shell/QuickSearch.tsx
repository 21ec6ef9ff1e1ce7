/**
 * Ctrl/Cmd+K from anywhere: jump to a case by reference (its check character is validated) or
 * by complainant name. Arrow keys choose, Enter opens.
 *
 * Issue 18: it always opens empty (never with the last query), and what is typed while the
 * dialog is still opening is kept, not dropped (quick-search-keys.ts).
 */
import { Alert, Button, Kbd, Modal, NavLink, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useApiQuery } from '../api/queries';
import { typedCharacter } from './typed-keys';

export function QuickSearch() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [opened, setOpened] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const openedNow = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const [debounced] = useDebouncedValue(query.trim(), 100);
  const searching = debounced.length >= 2;
  // The previous answer stays while the next is on its way, so the list does not flicker as you type.
  const results = useApiQuery('cases.quickSearch', { query: debounced, limit: 10 }, { enabled: searching, placeholderData: keepPreviousData });
  const show = () => {
    // A fresh search every time (issue 18: it reopened with a stale query).
    if (!openedNow.current) {
      setQuery('');
      setActive(0);
    }
    openedNow.current = true;
    setOpened(true);
  };
  const hide = () => {
    openedNow.current = false;
    setOpened(false);
  };
  useHotkeys([['mod+K', show]], []);
  // Keys typed before the field has focus (the dialog is still opening) go into the field.
  useEffect(() => {
    const keep = (event: KeyboardEvent) => {
      if (!openedNow.current || event.target === input.current) return;
      const character = typedCharacter(event);
      if (character === null) return;
      event.preventDefault();
      setQuery((current) => current + character);
      setActive(0);
      input.current?.focus();
    };
    window.addEventListener('keydown', keep, true);
    return () => window.removeEventListener('keydown', keep, true);
  }, []);
  const answer = searching ? results.data : undefined;
  const hits = answer?.hits ?? [];
  const open = (caseId: string) => {
    hide();
    setQuery('');
    navigate(`/case/${caseId}`);
  };
  return (
    <>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconSearch size={14} aria-hidden />}
        rightSection={<Kbd size="xs">Ctrl K</Kbd>}
        onClick={show}
        data-testid="quick-search-open"
      >
        {t('shell.quickSearch')}
      </Button>
      <Modal
        opened={opened}
        onClose={hide}
        title={t('quickSearch.title')}
        size="lg"
        transitionProps={{ duration: 0 }}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="sm">
          <TextInput
            ref={input}
            label={t('quickSearch.label')}
            placeholder={t('quickSearch.placeholder')}
            value={query}
            data-autofocus
            data-testid="quick-search-input"
            // What was typed before the field had focus stays in front of what is typed next.
            onFocus={(event) => event.currentTarget.setSelectionRange(event.currentTarget.value.length, event.currentTarget.value.length)}
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
