/** The most requests that started within any window of `ms`: what a rate limit promises to bound. */
export function peakPerWindow(times: number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= ms) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return peak;
}
