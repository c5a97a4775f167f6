/**
 * Async state as a union (STYLE 14): a panel is loading, failed, or has its data — never a bag of
 * booleans. `empty` is a panel's own judgement of ready data, so it is not part of the union.
 */
import type { WidgetError } from './errors';

export type AsyncState<T> =
  { status: 'loading' } | { status: 'error'; error: WidgetError } | { status: 'ready'; data: T };

/** A write in progress or finished: what a form shows next to its save button. */
export type SaveState =
  { status: 'idle' } | { status: 'saving' } | { status: 'saved' } | { status: 'failed'; error: WidgetError };

export const LOADING = { status: 'loading' } as const;
export const IDLE: SaveState = { status: 'idle' };
