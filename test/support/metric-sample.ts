/** The value of one sample line of a Prometheus text page, or undefined. */
export function metricSample(page: string, line: string): number | undefined {
  const found = page.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}
