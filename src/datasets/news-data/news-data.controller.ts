import { Controller, Get, Inject, NotFoundException, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommonErrors } from '../../scheduler/api-errors.decorator.js';
import { ApiNothingStored, DEFAULT_PREFIX, SymbolParam, SymbolPath, timeRange } from '../read-route.js';
import { NewsArticleDto, toArticleDto } from './dto/news-article.dto.js';
import { NewsQueryDto } from './dto/news-query.dto.js';
import { NEWS_STORE, type NewsStore } from './news-store.js';

@ApiTags('market-data')
@ApiCommonErrors()
@Controller('market-data')
export class NewsDataController {
  constructor(@Inject(NEWS_STORE) private readonly news: NewsStore) {}

  @Get(':symbol/news')
  @ApiOperation({ summary: 'Stored news articles of a symbol, newest first', description: 'Each article once, whichever job or run fetched it; one store read.' })
  @SymbolParam()
  @ApiOkResponse({ type: [NewsArticleDto], description: 'The articles published in the range, newest first; empty when the range holds none.' })
  @ApiNothingStored('news_data')
  async range(@SymbolPath() symbol: string, @Query() query: NewsQueryDto): Promise<NewsArticleDto[]> {
    const { from, to } = timeRange(query);
    const prefix = query.prefix ?? DEFAULT_PREFIX;
    const articles = await this.news.range({ prefix, symbol }, from, to, query.limit);
    // Only an empty answer asks again, whether the symbol has any article at all.
    if (articles.length === 0 && (await this.news.range({ prefix, symbol }, undefined, undefined, 1)).length === 0) {
      throw new NotFoundException(`no news_data stored for ${symbol} under prefix ${prefix}`);
    }
    return articles.map(toArticleDto);
  }
}
