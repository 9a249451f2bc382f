import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { SYMBOL_PATTERN } from '../scheduler/dto/create-job.dto.js';

/** A path symbol, upper-cased and checked against Yahoo's alphabet, so it can only name our own keys. */
export class ParseSymbolPipe implements PipeTransform<string, string> {
  transform(raw: string): string {
    const symbol = raw.toUpperCase();
    if (!SYMBOL_PATTERN.test(symbol)) throw new BadRequestException('symbol must be a Yahoo symbol: 1–20 of A-Z 0-9 . - ^ =');
    return symbol;
  }
}
