/**
 * Pieces of the small SVG charts (no chart library: a few rects and lines keep the page light):
 * stage colours, a "nice" axis maximum, compact money, and an accessible SVG frame.
 */
import type { ComponentChildren } from 'preact';

/** One colour per stage slot, from 未着手 (grey) through the stages (blue) to expansion (green). */
const SLOT_COLOURS = ['#b8c2cc', '#cfe3f5', '#a5cbee', '#76afe3', '#4a92d6', '#2f78c0', '#2e9d5f', '#156a39'];

export function slotColour(index: number): string {
  return SLOT_COLOURS[Math.max(0, Math.min(SLOT_COLOURS.length - 1, index))] as string;
}

/** The smallest 1/2/5 × 10^n at or above `v` (1 for nothing). */
export function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

export function compactMoney(n: number, currency: string, lang: string): string {
  return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(n);
}

/** An SVG picture with a text alternative; the numbers are also in the table beside it. */
export function Chart(props: {
  width: number;
  height: number;
  label: string;
  testId?: string;
  children: ComponentChildren;
}) {
  return (
    <figure class="chart" data-testid={props.testId}>
      <svg
        viewBox={`0 0 ${props.width} ${props.height}`}
        width="100%"
        role="img"
        aria-label={props.label}
        preserveAspectRatio="xMinYMin meet"
        style={{ maxWidth: `${props.width}px` }}
      >
        {props.children}
      </svg>
      <figcaption class="muted small">{props.label}</figcaption>
    </figure>
  );
}
