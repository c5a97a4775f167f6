/** An instant (epoch ms) as HH:MM:SS in the org's offset (minutes east of UTC). */
export function formatTime(t: number, offsetMinutes: number): string {
  return new Date(t + offsetMinutes * 60_000).toISOString().slice(11, 19);
}
