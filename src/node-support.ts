import { readFileSync } from 'node:fs';

/** The Node range of package.json's `engines` (beside dist/ and src/ alike). */
export function supportedNodeRange(): string {
  return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node;
}

function parts(version: string): number[] {
  return version.replace(/^v/, '').split('.').map(Number);
}

function atLeast(version: number[], floor: number[]): boolean {
  for (let i = 0; i < 3; i++) if ((version[i] ?? 0) !== (floor[i] ?? 0)) return (version[i] ?? 0) > (floor[i] ?? 0);
  return true;
}

/** Whether `version` is in `range`, written as engines is here: `^x.y.z` and `>=x.y.z` joined by `||`. */
export function nodeVersionSupported(version: string, range: string): boolean {
  return range.split('||').some((clause) => {
    const [, op, floor] = /^\s*(\^|>=)\s*(\d+(?:\.\d+){0,2})\s*$/.exec(clause) ?? [];
    if (!op) throw new Error(`engines.node "${range}": cannot read "${clause.trim()}"`);
    const [v, f] = [parts(version), parts(floor)];
    return atLeast(v, f) && (op === '>=' || v[0] === f[0]);
  });
}
