const base = require('@jupiterone/integration-sdk-dev-tools/config/jest');

module.exports = {
  ...base,
  testTimeout: 60_000,
};
