/**
 * The virtualised list's pages: which pages a range of rows needs, the count while a new search is
 * answered, and rows from the right query only, against a fake main process that answers
 * `cases.list` when the test says so.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPlaintBridge } from '@shared/api/bridge';
import type { ApiInput } from '@shared/api/contract';
import type { CaseFilters } from '@shared/domain/inputs';
import type { CaseList, CaseListItem } from '@shared/domain/views';
import { createQueryClient } from '../../api/query-client';
import { newestTotal, PAGE_SIZE, pageInput, pagesFor, useCaseListData } from './useCaseListData';
import type { CaseSort } from './views';

describe('pages of the list', () => {
  it('are those holding the rows shown', () => {
    expect(pagesFor(0, 30)).toEqual([0]);
    expect(pagesFor(95, 130)).toEqual([0, 1]);
    expect(pagesFor(99_950, 99_999)).toEqual([999]);
    expect(pagesFor(-5, -1)).toEqual([0]);
  });

  it('ask for their rows by offset', () => {
    const sort: CaseSort = { field: 'nextDueAt', direction: 'asc' };
    expect(pageInput({ open: true }, 'patel', sort, 3)).toEqual({ filters: { open: true }, search: 'patel', sort, offset: 3 * PAGE_SIZE, limit: PAGE_SIZE });
  });

  it('count what the most recent answer counted', () => {
    const answer = (total: number): CaseList => ({ items: [], total, offset: 0 });
    expect(newestTotal([])).toBeNull();
    expect(newestTotal([{ dataUpdatedAt: 0 }])).toBeNull();
    expect(newestTotal([{ data: answer(10), dataUpdatedAt: 5 }, { data: answer(12), dataUpdatedAt: 9 }, { dataUpdatedAt: 0 }])).toBe(12);
  });
});

type ListRequest = { input: ApiInput<'cases.list'>; answer(total: number): void };

/** A main process whose cases.list answers wait until the test answers them, with rows named by offset. */
function fakeMainProcess() {
  const requests: ListRequest[] = [];
  // The bridge the preload builds, over a transport the test answers by hand.
  const bridge = createPlaintBridge({
    listen: () => () => undefined,
    request: (method, raw) =>
      new Promise((resolve) => {
        if (method !== 'cases.list') throw new Error(`Not in this test: ${method}`);
        const input = raw as ApiInput<'cases.list'>;
        requests.push({
          input,
          answer(total) {
            const offset = input.offset ?? 0;
            const items = Array.from(
              { length: Math.max(0, Math.min(PAGE_SIZE, total - offset)) },
              (_, index) => ({ id: `${input.search ?? ''}#${offset + index}` }) as CaseListItem,
            );
            const result: CaseList = { items, total, offset };
            resolve({ ok: true, result });
          },
        });
      }),
  });
  return { bridge, requests };
}

afterEach(() => {
  delete window.plaint;
});

describe('the list data', () => {
  const sort: CaseSort = { field: 'nextDueAt', direction: 'asc' };
  const filters: CaseFilters = { open: true };

  function setUp() {
    const main = fakeMainProcess();
    window.plaint = main.bridge;
    const client = createQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const hook = renderHook(({ search }: { search: string }) => useCaseListData(filters, search, sort), { wrapper, initialProps: { search: '' } });
    return { ...main, hook };
  }

  it('fetches the first page, then any page scrolled to on its own', async () => {
    const { requests, hook } = setUp();
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    expect(hook.result.current.total).toBeNull();
    act(() => requests[0]?.answer(25_000));
    await vi.waitFor(() => expect(hook.result.current.total).toBe(25_000));
    expect(hook.result.current.row(0)?.id).toBe('#0');
    expect(hook.result.current.row(24_950)).toBeUndefined();

    act(() => hook.result.current.showRange(24_940, 24_999));
    await vi.waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[1]?.input.offset).toBe(24_900);
    act(() => requests[1]?.answer(25_000));
    await vi.waitFor(() => expect(hook.result.current.row(24_950)?.id).toBe('#24950'));
  });

  it('keeps the last count while a new search is answered, and never mixes in rows of the old one', async () => {
    const { requests, hook } = setUp();
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    act(() => requests[0]?.answer(25_000));
    await vi.waitFor(() => expect(hook.result.current.total).toBe(25_000));

    hook.rerender({ search: 'patel' });
    await vi.waitFor(() => expect(requests).toHaveLength(2));
    expect(hook.result.current.total).toBe(25_000);
    expect(hook.result.current.row(0)).toBeUndefined();
    act(() => requests[1]?.answer(3));
    await vi.waitFor(() => expect(hook.result.current.total).toBe(3));
    expect(hook.result.current.row(0)?.id).toBe('patel#0');
    expect(hook.result.current.row(3)).toBeUndefined();
  });
});
