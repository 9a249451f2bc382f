import { namedSource, STORED_SOURCE_DEFAULT } from '../../market-data/bar.js';
import type { NewsArticle, StoredArticle } from './news-article.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const YAHOO = 'https://finance.yahoo.com';

type ArticleRow = [string, string, string | null, string | null, ...string[]];

/**
 * An article's id as stored, in its line and in the set of ids: a lower-case uuid (Yahoo's form)
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

/** A block holds the articles published in one UTC day. */
export const NEWS_BLOCK_MS = 86_400_000;

/** The start of the block of a publish time (epoch ms). */
export function blockStart(publishedAt: number): number {
  return Math.floor(publishedAt / NEWS_BLOCK_MS) * NEWS_BLOCK_MS;
}

/**
 * The article's line in its block: its publish time's offset from the block start, `~` and its
 * source unless that is yahoo (lines written before sources were kept have none), then the JSON
 * array `[stored id, title, publisher, link, ...related tickers]`, without field names.
 */
export function encodeLine(article: NewsArticle): string {
  const row: ArticleRow = [storedId(article.id), article.title, article.publisher, storedLink(article.link), ...article.related_tickers];
  const named = namedSource(article.source);
  const source = named ? `~${named}` : '';
  return `${article.published_at - blockStart(article.published_at)}${source}${JSON.stringify(row)}`;
}

export function decodeLine(line: string, start: number): StoredArticle {
  const rowAt = line.indexOf('[');
  const [offset, source = STORED_SOURCE_DEFAULT] = line.slice(0, rowAt).split('~');
  const [id, title, publisher, link, ...related_tickers] = JSON.parse(line.slice(rowAt)) as ArticleRow;
  return { id: idOf(id), title, publisher, link: linkOf(link), published_at: start + Number(offset), related_tickers, source };
}
