/**
 * Rendering a widget in jsdom for tests, for both pages: a fresh container, a flush of pending
 * effects, the visible text of an element, a click. Each page's fixtures wrap `mountInto` in its
 * own UI context. Used only by tests.
 */
import { render, type ComponentChildren } from 'preact';
import { act } from 'preact/test-utils';
import type { Lang } from '../lang';

export const LANGS: Lang[] = ['ja', 'en'];

/** Render into a fresh container in an empty document; returns the container. */
export function mountInto(node: ComponentChildren): HTMLElement {
  document.body.innerHTML = '';
  const container = document.createElement('div');
  document.body.appendChild(container);
  act(() => {
    render(node, container);
  });
  return container;
}

export async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

export function text(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function click(el: Element | null): void {
  act(() => {
    (el as HTMLElement).click();
  });
}
