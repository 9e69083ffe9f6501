// Preloaded into the collect process (NODE_OPTIONS=--require) by the
// benchmark: writes the process's peak resident set size, in bytes, to the
// file PEAK_RSS_FILE names when the process exits.
const { writeFileSync } = require('fs');

process.on('exit', () => {
  const file = process.env.PEAK_RSS_FILE;
  if (file) {
    writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
  }
});
