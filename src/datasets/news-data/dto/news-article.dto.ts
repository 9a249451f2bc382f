import { ApiProperty } from '@nestjs/swagger';
import { ApiSource } from '../../read-route.js';
import type { StoredArticle } from '../news-article.js';

const text = (description: string, example: string) => ApiProperty({ type: String, nullable: true, description, example });

/** A stored article; the examples are the newest of the recorded AAPL search (test/fixtures/yahoo/search-AAPL.json). */
export class NewsArticleDto {
  @ApiProperty({ description: "Yahoo's uuid of the article; an article is stored once per id.", example: '57ea9c09-0c99-3adf-9062-fecfdbe472cc' }) id: string;
  @ApiProperty({ description: 'Headline.', example: "Why Trump could 'move fast' on Apple's $500B US investment plan" }) title: string;
  @text('Who published it.', 'Yahoo Finance Video') publisher: string | null;
  @text('Where to read it.', 'https://finance.yahoo.com/video/why-trump-could-move-fast-002000706.html') link: string | null;
  @ApiProperty({ description: "When it was published (Yahoo's providerPublishTime), ISO 8601 UTC.", example: '2025-02-25T00:20:00.000Z' }) published_at: string;
  @ApiProperty({ type: [String], description: 'The symbols Yahoo relates the article to (not always the one it was fetched for).', example: ['AAPL'] })
  related_tickers: string[];
  @ApiSource('article') source: string;
}

export function toArticleDto({ published_at, ...values }: StoredArticle): NewsArticleDto {
  return { ...values, published_at: new Date(published_at).toISOString() };
}
