/** One instruction of a Dockerfile: `COPY --from=build /app/dist ./dist` is op COPY, flags {from: build}, args […]. */
export interface Instruction {
  op: string;
  flags: Record<string, string>;
  /** The rest of the line, as written (RUN's shell command, CMD's JSON array). */
  text: string;
}

export interface Stage {
  name: string;
  base: string;
  instructions: Instruction[];
}

/** The stages of a Dockerfile: comments dropped, `\` continuations joined, flags (`--from=`, `--chown=`) split off. */
export function parseDockerfile(source: string): Stage[] {
  const lines = source
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, op, rest] = /^(\S+)\s+(.*)$/.exec(line) ?? [];
    if (!op) throw new Error(`cannot read the Dockerfile line "${line}"`);
    const flags: Record<string, string> = {};
    const text = rest.replace(/^(?:--([a-z-]+)=(\S+)\s+)*/, (prefix) => {
      for (const [, key, value] of prefix.matchAll(/--([a-z-]+)=(\S+)/g)) flags[key] = value;
      return '';
    });
    if (op.toUpperCase() === 'FROM') {
      const [, base, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(text) ?? [];
      stages.push({ name: name ?? String(stages.length), base, instructions: [] });
    } else if (stages.length === 0) {
      throw new Error(`the Dockerfile has "${op}" before its first FROM`);
    } else {
      stages.at(-1)!.instructions.push({ op: op.toUpperCase(), flags, text });
    }
  }
  return stages;
}

/** ENV's `KEY=value KEY2=value2` form. */
export function envPairs(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/(\w+)=("[^"]*"|\S+)/g)].map(([, key, value]) => [key, value.replace(/^"|"$/g, '')]));
}

/** An ignore file's patterns (`.dockerignore`, `.gitignore`), without comments, blank lines and leading or trailing `/`. */
export function ignoreLines(source: string): string[] {
  return source
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^\/|\/$/g, ''))
    .filter((line) => line && !line.startsWith('#'));
}

/** The patterns (names, `*`, `**`) as expressions over paths relative to the ignore file's folder. */
export function ignorePatterns(source: string): RegExp[] {
  return ignoreLines(source).map((pattern) => {
    const body = pattern.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*');
    return new RegExp(`^${body}(/|$)`);
  });
}
