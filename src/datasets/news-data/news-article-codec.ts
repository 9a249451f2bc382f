import type { NewsArticle } from './news-article.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const YAHOO = 'https://finance.yahoo.com';

type ArticleRow = [string, string, string | null, string | null, ...string[]];

/**
 * An article's id as stored, in its member and in the set of ids: a lower-case uuid (Yahoo's form)
 * as its 16 bytes in base64url, 22 characters instead of 36; any other id as `~` and the id.
 */
export function storedId(id: string): string {
  return UUID.test(id) ? Buffer.from(id.replaceAll('-', ''), 'hex').toString('base64url') : `~${id}`;
}

function idOf(stored: string): string {
  if (stored.startsWith('~')) return stored.slice(1);
  const hex = Buffer.from(stored, 'base64url').toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Yahoo's own links (all of the recorded ones) are stored without their origin, as a path; a link
// that already starts with '/' or '\' gets a '\' in front, so every link reads back as it was.
function storedLink(link: string | null): string | null {
  if (link === null) return null;
  if (link.startsWith(`${YAHOO}/`)) return link.slice(YAHOO.length);
  return /^[/\\]/.test(link) ? `\\${link}` : link;
}

function linkOf(stored: string | null): string | null {
  if (stored === null) return null;
  if (stored.startsWith('/')) return `${YAHOO}${stored}`;
  return stored.startsWith('\\') ? stored.slice(1) : stored;
}

/**
 * The article as a JSON array `[stored id, title, publisher, link, ...related tickers]`: no field
 * names, and no publish time, which is the member's score.
 */
export function encodeArticle(article: NewsArticle): string {
  const row: ArticleRow = [storedId(article.id), article.title, article.publisher, storedLink(article.link), ...article.related_tickers];
  return JSON.stringify(row);
}

export function decodeArticle(member: string, published_at: number): NewsArticle {
  const [id, title, publisher, link, ...related_tickers] = JSON.parse(member) as ArticleRow;
  return { id: idOf(id), title, publisher, link: linkOf(link), published_at, related_tickers };
}
