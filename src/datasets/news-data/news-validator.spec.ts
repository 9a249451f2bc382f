import { makeArticle } from './news-fixtures.js';
import { validateArticles } from './news-validator.js';

describe('validateArticles', () => {
  it('keeps complete articles as they are, in their order', () => {
    const articles = [makeArticle(1), makeArticle(0)];
    expect(validateArticles(articles)).toEqual({ valid: articles, rejected: 0 });
  });

  it('drops articles without an id, a title or a finite publish time, and counts them', () => {
    const articles = [makeArticle(0, { id: '' }), makeArticle(1), makeArticle(2, { title: '' }), makeArticle(3, { published_at: NaN }), makeArticle(4, { published_at: Infinity })];
    expect(validateArticles(articles)).toEqual({ valid: [makeArticle(1)], rejected: 4 });
  });

  it('reads an empty publisher or link as null, without touching the input', () => {
    const frozen = Object.freeze(makeArticle(0, { publisher: '', link: '', related_tickers: Object.freeze(['AAPL']) as string[] }));
    const { valid, rejected } = validateArticles([frozen]);
    expect(rejected).toBe(0);
    expect(valid).toEqual([makeArticle(0, { publisher: null, link: null })]);
    expect(valid[0].related_tickers).not.toBe(frozen.related_tickers);
    expect(frozen.publisher).toBe('');
  });

  it('answers nothing for nothing', () => {
    expect(validateArticles([])).toEqual({ valid: [], rejected: 0 });
  });
});
