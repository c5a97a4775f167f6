/** Poll `test` every 50 ms until it holds; throws (with `what`) once `timeoutMs` has passed. */
export async function until(
  test: () => Promise<boolean>,
  timeoutMs: number,
  what = 'timed out waiting',
): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await test()) return;
    if (Date.now() >= end) throw new Error(what);
    await new Promise((r) => setTimeout(r, 50));
  }
}
