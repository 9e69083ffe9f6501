// The SDK's runtime loads aws-sdk v2, which prints an end-of-support notice.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';

const base = require('@jupiterone/integration-sdk-dev-tools/config/jest');

module.exports = {
  ...base,
  testTimeout: 60_000,
};
