import { findShapeProblem, isWellFormed, MAX_JSON_DEPTH } from './json-shape.js';

const nested = (levels: number): unknown => Array.from({ length: levels - 1 }).reduce<unknown>((inner) => [inner], []);

describe('findShapeProblem', () => {
  it('accepts well-formed text, astral characters (surrogate pairs) included', () => {
    expect(isWellFormed('📈 株価 \u2028 "\\')).toBe(true);
    expect(findShapeProblem({ name: '📈', stock_ids: ['AAPL', 'ä'], n: 1, b: null, t: true })).toBeNull();
  });

  it('names the first string, or key, holding a lone surrogate of either half', () => {
    expect(findShapeProblem({ stock_ids: ['AAPL', 'A\ud800'] })).toEqual({ path: 'stock_ids.1', problem: 'not well-formed Unicode' });
    expect(findShapeProblem({ name: '\udc00x' })).toEqual({ path: 'name', problem: 'not well-formed Unicode' });
    expect(findShapeProblem({ ['k\ud83d']: 1 })).toEqual({ path: 'k\ud83d', problem: 'not well-formed Unicode' });
    expect(findShapeProblem('\ud800')).toEqual({ path: '', problem: 'not well-formed Unicode' });
  });

  it(`allows exactly ${MAX_JSON_DEPTH} levels of nesting and refuses one more, without recursing further`, () => {
    expect(findShapeProblem(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(findShapeProblem(nested(MAX_JSON_DEPTH + 1))).toMatchObject({ problem: 'too deep' });
    expect(findShapeProblem(nested(100_000))).toMatchObject({ problem: 'too deep' });
  });
});
