/**
 * Issue 18: a row clicked while the list refreshes opens the case that was pressed, never nothing
 * and never its neighbour. The list's data is refreshed between the press and the release, as a
 * search answer or a live update does in the app.
 *
 * The release follows Chromium's rule (checked in Chromium 156): `click` goes to the nearest common
 * ancestor of the pressed and released nodes, and is not sent at all when the pressed node left the
 * document before the release. That lost click is what the e2e specs ran into.
 */
import { act, createEvent, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CaseListItem } from '@shared/domain/views';
import { settingsSnapshot } from '../../test-support/fixtures';
import { withApi } from '../../test-support/fake-api';
import { renderWithSettings } from '../../test-support/render';
import { CaseTable } from './CaseTable';
import type { CaseListData } from './useCaseListData';

function item(id: string, reference: string): CaseListItem {
  return {
    id,
    reference,
    complainantName: `Complainant ${reference}`,
    type: 'service',
    channel: 'letter',
    stage: 1,
    status: 'received',
    assignee: null,
    receivedAt: '2026-12-01T09:00:00.000Z',
    nextDeadline: null,
    openInquiries: 0,
    extensionWithoutNotice: false,
    acknowledgementUndelivered: false,
    restricted: false,
    updatedAt: '2026-12-01T09:00:00.000Z',
  };
}

const A = item('case-a', 'AAAA-0001-1');
const B = item('case-b', 'BBBB-0002-2');

/** The list's data as the page's hook hands it over; undefined rows are pages on their way. */
function listData(rows: readonly (CaseListItem | undefined)[]): CaseListData {
  return { total: rows.length, error: null, row: (index) => rows[index], showRange: () => undefined };
}

// jsdom lays nothing out: give the scroller a height so the virtualiser shows its rows.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 }));
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

type Rows = readonly (CaseListItem | undefined)[];

/** The table with its rows held in state, so a test refreshes them as a new answer does. */
function Harness({ initial, onOpen, refreshed }: { initial: Rows; onOpen: (caseId: string) => void; refreshed: (refresh: (rows: Rows) => void) => void }) {
  const [rows, setRows] = useState(initial);
  refreshed(setRows);
  return <CaseTable data={listData(rows)} sort={{ field: 'nextDueAt', direction: 'asc' }} onSort={() => undefined} onOpen={onOpen} />;
}

async function renderTable(rows: Rows) {
  withApi(settingsSnapshot(), { 'cases.unread': () => ({ ok: true, result: { caseIds: [] } }) });
  const onOpen = vi.fn<(caseId: string) => void>();
  let setRows: (rows: Rows) => void = () => undefined;
  renderWithSettings(<Harness initial={rows} onOpen={onOpen} refreshed={(refresh) => (setRows = refresh)} />);
  await screen.findByText(rows[0]?.reference ?? '', {}, { timeout: 10_000 });
  return { onOpen, refresh: (next: Rows) => act(() => setRows(next)) };
}

/** The text node's element under the pointer in the first row. */
function firstRowCell(): HTMLElement {
  const row = document.querySelector<HTMLElement>('[role="row"][data-index="0"]');
  const cell = row?.querySelector<HTMLElement>('[data-column="complainant"] > *');
  if (!cell) throw new Error('no first row');
  return cell;
}

/** Press the primary button on `target`, as Chromium sends it. */
function press(target: HTMLElement, at = { clientX: 40, clientY: 10 }) {
  fireEvent.pointerDown(target, { button: 0, pointerId: 1, isPrimary: true, ...at });
  fireEvent.mouseDown(target, { button: 0, ...at });
}

/** Release over `target`; `click` only as Chromium sends it (to the common ancestor, none if the pressed node left). */
function release(pressed: HTMLElement, target: HTMLElement, at = { clientX: 40, clientY: 10 }) {
  fireEvent.pointerUp(target, { button: 0, pointerId: 1, isPrimary: true, ...at });
  fireEvent.mouseUp(target, { button: 0, ...at });
  if (!pressed.isConnected) return;
  let common: HTMLElement | null = pressed;
  while (common && !common.contains(target)) common = common.parentElement;
  if (common) fireEvent(common, createEvent.click(common, { button: 0, detail: 1, ...at }));
}

describe('a case row clicked while the list refreshes (issue 18)', () => {
  it('opens the case pressed when a live update moves another case under the pointer', async () => {
    const { onOpen, refresh } = await renderTable([A, B]);
    const pressed = firstRowCell();
    press(pressed);
    refresh([B, A]);
    release(pressed, firstRowCell());
    await waitFor(() => expect(onOpen).toHaveBeenCalled());
    expect(onOpen.mock.calls).toEqual([[A.id]]);
  });

  it('opens the case pressed when its row is redrawn while a new answer is on its way', async () => {
    const { onOpen, refresh } = await renderTable([A, B]);
    const pressed = firstRowCell();
    press(pressed);
    refresh([undefined, undefined]);
    refresh([A, B]);
    release(pressed, firstRowCell());
    await waitFor(() => expect(onOpen).toHaveBeenCalled());
    expect(onOpen.mock.calls).toEqual([[A.id]]);
  });

  it('keeps a row element with its case across a refresh (the row keeps its identity)', async () => {
    const { refresh } = await renderTable([A, B]);
    const rowOfA = document.querySelector(`[data-case-id="${A.id}"]`);
    refresh([B, A]);
    expect(document.querySelector(`[data-case-id="${A.id}"]`)).toBe(rowOfA);
    expect(rowOfA?.getAttribute('data-index')).toBe('1');
  });

  it('opens nothing when the pointer was dragged away (selecting text, scrolling)', async () => {
    const { onOpen } = await renderTable([A, B]);
    const pressed = firstRowCell();
    press(pressed);
    release(pressed, pressed, { clientX: 140, clientY: 10 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('opens once for an ordinary click, and for a click with no pointer (assistive technology)', async () => {
    const { onOpen } = await renderTable([A, B]);
    const pressed = firstRowCell();
    press(pressed);
    release(pressed, pressed);
    await waitFor(() => expect(onOpen).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onOpen.mock.calls).toEqual([[A.id]]);
    fireEvent.click(screen.getByText(`Complainant ${B.reference}`), { detail: 0 });
    expect(onOpen.mock.calls).toEqual([[A.id], [B.id]]);
  });
});
