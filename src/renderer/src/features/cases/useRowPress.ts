/**
 * Issue 18: a case row opens the case that was under the pointer when it was pressed, even when the
 * list is refreshed (a search answer, a live update) between the press and the release.
 *
 * Why not the row's own `onClick`: Chromium sends no `click` at all when the pressed node leaves the
 * document before the release (a row redrawn as a placeholder, or a cell whose content changed
 * shape), and a row that a refresh filled with another case would open that other case. So the
 * list's scroller, which a refresh never replaces, remembers the case pressed and opens it on
 * release, unless the pointer moved away (selecting text, a drag). It opens just after the release's
 * own events, so the `click` that follows never lands on the page that opens. A `click` with no
 * pointer behind it (assistive technology) opens the row it names.
 */
import { useRef, type MouseEvent, type PointerEvent } from 'react';

/** How far (CSS px) the pointer may move between press and release and still be a click. */
const CLICK_SLOP = 6;

/** Marks an element inside a row whose presses are its own (the selection box: `data-own-press`). */
const OWN_PRESS = 'data-own-press';

interface Press {
  readonly caseId: string;
  readonly pointerId: number;
  readonly x: number;
  readonly y: number;
}

function caseIdAt(target: EventTarget | null): string | null {
  if (!(target instanceof Element) || target.closest(`[${OWN_PRESS}]`)) return null;
  return target.closest('[role="row"][data-case-id]')?.getAttribute('data-case-id') ?? null;
}

export function useRowPress(onOpen: (caseId: string) => void) {
  const pressed = useRef<Press | null>(null);
  return {
    onPointerDown(event: PointerEvent<HTMLElement>) {
      const caseId = event.button === 0 && event.isPrimary ? caseIdAt(event.target) : null;
      pressed.current = caseId ? { caseId, pointerId: event.pointerId, x: event.clientX, y: event.clientY } : null;
    },
    onPointerUp(event: PointerEvent<HTMLElement>) {
      const press = pressed.current;
      pressed.current = null;
      if (!press || press.pointerId !== event.pointerId) return;
      if (Math.hypot(event.clientX - press.x, event.clientY - press.y) > CLICK_SLOP) return;
      setTimeout(() => onOpen(press.caseId), 0);
    },
    onPointerCancel() {
      pressed.current = null;
    },
    onClick(event: MouseEvent<HTMLElement>) {
      // detail 0: a click no pointer made (a screen reader's activation); pointer clicks open on release.
      if (event.detail !== 0) return;
      const caseId = caseIdAt(event.target);
      if (caseId) onOpen(caseId);
    },
  };
}
