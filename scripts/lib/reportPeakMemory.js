// Preloaded into the collect process (NODE_OPTIONS=--require) by the
// benchmark. When the process exits, writes to the file PEAK_MEMORY_FILE
// names its peak resident set size and its peak live heap (the heap in
// use right after a full garbage collection), in bytes, as JSON.
const { writeFileSync } = require('fs');
const { constants, PerformanceObserver } = require('perf_hooks');

let peakLiveHeap = 0;
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (
      entry.detail &&
      entry.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR
    ) {
      peakLiveHeap = Math.max(peakLiveHeap, process.memoryUsage().heapUsed);
    }
  }
});
observer.observe({ entryTypes: ['gc'] });

process.on('exit', () => {
  const file = process.env.PEAK_MEMORY_FILE;
  if (file) {
    const peakRss = process.resourceUsage().maxRSS * 1024;
    writeFileSync(file, JSON.stringify({ peakRss, peakLiveHeap }));
  }
});
