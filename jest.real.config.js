/** Conformance suite on the real public files in ../shared/data (never copied into the project). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/real'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 300000,
};
