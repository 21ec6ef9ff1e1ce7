/**
 * The case list: virtualised rows (smooth at 100 000 cases), sortable column headers, and
 * keyboard use: arrow keys move between rows, Enter opens a case, Home/End jump, Space selects.
 * Issue 18: rows are compact (15 or more at 1366×768) and a cell's text wraps onto a second line
 * rather than being cut off; managers select rows for "Assign to…".
 */
import { Badge, Box, Checkbox, Group, Skeleton, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSortField } from '@shared/domain/inputs';
import type { CaseListItem } from '@shared/domain/views';
import { DeadlineBadge } from '../../common/DeadlineBadge';
import { RestrictedBadge } from '../../common/RestrictedBadge';
import { UnreadMarker, useUnreadCases } from '../../common/UnreadMarker';
import { useFormatters } from '../../common/format';
import { StatusText } from '../../common/StatusText';
import { useNow } from '../../common/useNow';
import { useSettings } from '../../settings/SettingsContext';
import classes from './CaseTable.module.css';
import type { CaseListData } from './useCaseListData';
import { useRowPress } from './useRowPress';
import type { CaseSort } from './views';

const COLUMNS: { key: keyof ReturnType<typeof columnLabels>; sort: CaseSortField; width: string }[] = [
  { key: 'reference', sort: 'reference', width: '7.5rem' },
  { key: 'complainant', sort: 'complainant', width: 'minmax(5rem, 1.2fr)' },
  { key: 'type', sort: 'type', width: 'minmax(5rem, 1fr)' },
  { key: 'channel', sort: 'channel', width: 'minmax(4rem, 0.6fr)' },
  { key: 'status', sort: 'status', width: 'minmax(7rem, 1.4fr)' },
  { key: 'assignee', sort: 'assignee', width: 'minmax(5rem, 1fr)' },
  { key: 'received', sort: 'receivedAt', width: '6.5rem' },
  { key: 'nextDeadline', sort: 'nextDueAt', width: '11rem' },
];

function columnLabels(t: (key: string) => string) {
  return {
    reference: t('caseList.columns.reference'),
    complainant: t('caseList.columns.complainant'),
    type: t('caseList.columns.type'),
    channel: t('caseList.columns.channel'),
    status: t('caseList.columns.status'),
    assignee: t('caseList.columns.assignee'),
    received: t('caseList.columns.received'),
    nextDeadline: t('caseList.columns.nextDeadline'),
  };
}

const COLUMNS_TEMPLATE = COLUMNS.map((column) => column.width).join(' ');
/** Two lines of small text: a long type, status or name wraps instead of being cut off. */
export const ROW_HEIGHT = 36;

/** The rows a manager has chosen for a bulk action (issue 18). */
export interface CaseSelection {
  readonly selected: ReadonlySet<string>;
  readonly toggle: (row: CaseListItem) => void;
  /** The header's box: all the loaded rows, or none. */
  readonly toggleAll: () => void;
  readonly allSelected: boolean;
}

export interface CaseTableProps {
  readonly data: CaseListData;
  readonly sort: CaseSort;
  readonly onSort: (sort: CaseSort) => void;
  readonly onOpen: (caseId: string) => void;
  readonly selection?: CaseSelection | undefined;
  /** What to say when no case matches (what to do next). */
  readonly emptyText?: string | undefined;
}

export function CaseTable({ data, sort, onSort, onOpen, selection, emptyText }: CaseTableProps) {
  const TEMPLATE = selection ? `1.5rem ${COLUMNS_TEMPLATE}` : COLUMNS_TEMPLATE;
  const { t } = useTranslation();
  const labels = columnLabels(t as (key: string) => string);
  const format = useFormatters();
  const { typeLabel } = useSettings();
  const now = useNow();
  const unread = useUnreadCases();
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const count = data.total ?? 0;
  const press = useRowPress(onOpen);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => data.showRange(first, last), [data, first, last]);
  useEffect(() => setActive((index) => Math.min(index, Math.max(0, count - 1))), [count]);

  const focusRow = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    if (event.key in moves) focusRow(active + (moves[event.key] ?? 0));
    else if (event.key === 'Home') focusRow(0);
    else if (event.key === 'End') focusRow(count - 1);
    else if (event.key === ' ' && selection) {
      const row = data.row(active);
      if (row) selection.toggle(row);
    } else if (event.key === 'Enter') {
      const row = data.row(active);
      if (row) onOpen(row.id);
    } else return;
    event.preventDefault();
  };

  // A case shown twice while pages of different ages meet keeps its key on its first row only.
  const shown = new Set<string>();

  const cell = (row: CaseListItem, key: (typeof COLUMNS)[number]['key']) => {
    switch (key) {
      case 'reference':
        return (
          <Group gap={4} wrap="nowrap">
            <Text ff="monospace" size="xs" fw={600}>
              {row.reference}
            </Text>
            <RestrictedBadge restricted={row.restricted} />
            {row.acknowledgementUndelivered && (
              <Tooltip label={t('caseList.acknowledgementUndeliveredHint')}>
                <Badge color="orange" variant="light" data-testid="acknowledgement-undelivered-badge">
                  {t('caseList.acknowledgementUndelivered')}
                </Badge>
              </Tooltip>
            )}
            {unread.has(row.id) && <UnreadMarker />}
          </Group>
        );
      case 'complainant':
        return <span className={classes.wrap}>{row.complainantName}</span>;
      case 'type':
        return <span className={classes.wrap}>{typeLabel(row.type)}</span>;
      case 'channel':
        return <span className={classes.wrap}>{t(`channels.${row.channel}`)}</span>;
      case 'status':
        return (
          <span className={classes.wrap}>
            <StatusText stage={row.stage} status={row.status} />
          </span>
        );
      case 'assignee':
        return row.assignee ? (
          <span className={classes.wrap}>{row.assignee.name}</span>
        ) : (
          <span className={`${classes.wrap} ${classes.dimmed}`}>{t('common.unassigned')}</span>
        );
      case 'received':
        return <span className={classes.wrap}>{format.dateTime(row.receivedAt)}</span>;
      case 'nextDeadline':
        return <DeadlineBadge deadline={row.nextDeadline} now={now} withDue />;
    }
  };

  return (
    <Box role="grid" aria-label={t('caseList.tableLabel')} aria-rowcount={count + 1} className={classes.grid} data-testid="case-table">
      <div role="row" aria-rowindex={1} className={classes.header} style={{ gridTemplateColumns: TEMPLATE }}>
        {selection && (
          <div role="columnheader" className={classes.select}>
            <Checkbox
              size="xs"
              checked={selection.allSelected}
              indeterminate={!selection.allSelected && selection.selected.size > 0}
              onChange={selection.toggleAll}
              aria-label={t('caseList.selectAll')}
              data-testid="select-all"
            />
          </div>
        )}
        {COLUMNS.map((column) => {
          const sorted = sort.field === column.sort;
          const next: CaseSort = { field: column.sort, direction: sorted && sort.direction === 'asc' ? 'desc' : 'asc' };
          return (
            <div role="columnheader" key={column.key} aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <UnstyledButton
                className={classes.sortButton}
                onClick={() => onSort(next)}
                aria-label={t('caseList.sortBy', { column: labels[column.key] })}
                data-testid={`sort-${column.sort}`}
              >
                {labels[column.key]}
                {sorted && (sort.direction === 'asc' ? <IconArrowUp size={14} aria-hidden /> : <IconArrowDown size={14} aria-hidden />)}
              </UnstyledButton>
            </div>
          );
        })}
      </div>
      <div ref={scroller} className={classes.body} onKeyDown={onKeyDown} {...press} data-testid="case-rows">
        {count === 0 && data.total !== null ? (
          <Text p="md" c="dimmed" data-testid="case-list-empty">
            {emptyText ?? t('caseList.empty')}
          </Text>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = data.row(item.index);
              // Keyed by its case, so a refresh that moves a case moves its row rather than refilling another (issue 18).
              const key = row && !shown.has(row.id) ? row.id : `row-${item.index}`;
              if (row) shown.add(row.id);
              return (
                <div
                  key={key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  data-index={item.index}
                  data-case-id={row?.id}
                  tabIndex={item.index === active ? 0 : -1}
                  className={classes.row}
                  aria-selected={item.index === active}
                  style={{ gridTemplateColumns: TEMPLATE, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  onFocus={() => setActive(item.index)}
                >
                  {selection && (
                    <div role="gridcell" className={classes.select} data-own-press>
                      {row && (
                        <Checkbox
                          size="xs"
                          tabIndex={-1}
                          checked={selection.selected.has(row.id)}
                          onChange={() => selection.toggle(row)}
                          aria-label={t('caseList.selectCase', { reference: row.reference })}
                          data-testid={`select-${row.reference}`}
                        />
                      )}
                    </div>
                  )}
                  {row
                    ? COLUMNS.map((column) => (
                        <div role="gridcell" key={column.key} className={classes.cell} data-column={column.key}>
                          {cell(row, column.key)}
                        </div>
                      ))
                    : COLUMNS.map((column) => (
                        <div role="gridcell" key={column.key} className={classes.cell}>
                          <Skeleton height={12} radius="xl" />
                        </div>
                      ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </Box>
  );
}
