import vm from 'node:vm';

// Jest's own test for require(esm) support (Node ≥ 24.9, under --experimental-vm-modules).
const jestRequiresEsm = typeof vm.SourceTextModule?.prototype.hasAsyncGraph === 'function';

/** Jest runs the TypeScript sources as ESM (NestJS 12 packages are ESM-only). */
const shared = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // @fastify/static (CommonJS) requires content-disposition 3, which is ESM-only: Node loads that natively,
  // jest's module system only from Node 24.9 on, so below that jest gets it compiled to CommonJS.
  ...(!jestRequiresEsm && { transformIgnorePatterns: ['/node_modules/(?!(.+/node_modules/)?content-disposition/)'] }),
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
    ...(!jestRequiresEsm && {
      '/node_modules/content-disposition/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } }],
    }),
  },
};

export default {
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  projects: [
    { ...shared, displayName: 'unit', rootDir: '.', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    { ...shared, displayName: 'e2e', rootDir: '.', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
