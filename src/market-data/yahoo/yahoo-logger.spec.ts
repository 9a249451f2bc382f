import { jest } from '@jest/globals';
import { createYahooLogger } from './yahoo-logger.js';

function fakeNestLogger() {
  return { log: jest.fn(), warn: jest.fn(), error: jest.fn(), debug: jest.fn() };
}

describe('createYahooLogger', () => {
  it('demotes the Node < 22 warning to debug and keeps other warnings', () => {
    const nest = fakeNestLogger();
    const logger = createYahooLogger(nest);

    logger.warn('[yahoo-finance2] Unsupported environment: Requires Node >= 22.0.0, found 20.20.2.');
    logger.warn('something else', { code: 1 });

    expect(nest.debug).toHaveBeenCalledWith(expect.stringContaining('Unsupported environment'));
    expect(nest.warn).toHaveBeenCalledTimes(1);
    expect(nest.warn).toHaveBeenCalledWith('something else { code: 1 }');
  });

  it('maps info, error, debug and dir to one formatted message each', () => {
    const nest = fakeNestLogger();
    const logger = createYahooLogger(nest);

    logger.info('notice');
    logger.error('failed', 42);
    logger.debug('detail');
    logger.dir({ a: [1] }, { depth: 4, colors: true });

    expect(nest.log).toHaveBeenCalledWith('notice');
    expect(nest.error).toHaveBeenCalledWith('failed 42');
    expect(nest.debug.mock.calls).toEqual([['detail'], ['{ a: [ 1 ] }']]);
  });
});
