// Preloaded into the collect process (NODE_OPTIONS=--require) by the
// benchmark's --heap-growing-percent: V8 takes that flag on node's own
// command line but not from NODE_OPTIONS, and the CLI is started as a
// command. V8 reads it at every full garbage collection, so setting it
// here, before the SDK loads, acts on the whole run.
require('v8').setFlagsFromString(
  `--heap-growing-percent=${process.env.HEAP_GROWING_PERCENT}`,
);
