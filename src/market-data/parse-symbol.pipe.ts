import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { SYMBOL_PATTERN, SYMBOL_RULE } from '../scheduler/dto/create-job.dto.js';

/** A path symbol checked as sent against Yahoo's alphabet, then upper-cased, so it can only name our own keys. */
export class ParseSymbolPipe implements PipeTransform<string, string> {
  transform(raw: string): string {
    if (!SYMBOL_PATTERN.test(raw)) throw new BadRequestException(`symbol must be ${SYMBOL_RULE}`);
    return raw.toUpperCase();
  }
}
