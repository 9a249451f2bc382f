// Which provider answered: kept beside the answer object rather than in it, so a shared answer tells
// every run that got it, and domain types stay as the providers build them.
const SOURCES = new WeakMap<object, string>();

/** Records that `provider` gave `answer` (an object: a chart, a quote, a profile, an article list). */
export function markSource<T>(answer: T, provider: string): T {
  if (typeof answer === 'object' && answer !== null) SOURCES.set(answer, provider);
  return answer;
}

/** The provider that gave `answer`, as the provider chain marked it; undefined for an answer from elsewhere. */
export function sourceOf(answer: unknown): string | undefined {
  return typeof answer === 'object' && answer !== null ? SOURCES.get(answer) : undefined;
}

/** `items` each with `source` (the provider that gave them) to be stored with; as they are when it is unknown. */
export function withSource<T extends object>(items: T[], source: string | undefined): T[] {
  return source === undefined ? items : items.map((item) => ({ ...item, source }));
}

const TRIED = Symbol('providersTried');

/** Which providers a chain asked before it gave up, in order, and whose error it reports. */
export interface ChainTrail {
  provider: string;
  tried: string[];
}

/** Tags the error a chain throws with its trail. */
export function markTried<E>(error: E, trail: ChainTrail): E {
  if (typeof error === 'object' && error !== null) Object.defineProperty(error, TRIED, { value: trail, configurable: true });
  return error;
}

/** The trail of an error a chain of several threw, else null. */
export function triedOf(error: unknown): ChainTrail | null {
  return (error as { [TRIED]?: ChainTrail } | null)?.[TRIED] ?? null;
}
