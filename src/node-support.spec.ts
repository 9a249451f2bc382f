import { nodeVersionSupported, supportedNodeRange } from './node-support.js';

describe('the supported Node range', () => {
  it('is the range every installed package accepts: Node 22 from 22.22.3, 24 from 24.15, 26 on', () => {
    const range = supportedNodeRange();
    const verdicts = ['20.20.2', '22.12.0', '22.22.2', '22.22.3', '23.11.0', '24.14.1', '24.15.0', '24.22.3', '26.0.0'].map((v) => [v, nodeVersionSupported(v, range)]);
    expect(Object.fromEntries(verdicts)).toEqual({
      '20.20.2': false,
      '22.12.0': false,
      '22.22.2': false,
      '22.22.3': true,
      '23.11.0': false,
      '24.14.1': false,
      '24.15.0': true,
      '24.22.3': true,
      '26.0.0': true,
    });
  });

  it('refuses a range form it cannot read rather than guessing', () => {
    expect(() => nodeVersionSupported('24.0.0', '22.x')).toThrow('cannot read "22.x"');
  });
});
