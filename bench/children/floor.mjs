// The floor: the same probes as the hub with nothing else. Each of N URLs is fetched once
// per interval, N starts spread evenly over the interval, through one keep-alive agent
// ("keep-alive", the default) or on a fresh connection each time ("fresh", agent: false).
// Usage: node floor.mjs <targetPort> <checks> <intervalSeconds> [keep-alive|fresh]
import http from 'node:http';
import { setTimeout } from 'node:timers';

const [port, checks, intervalSeconds] = process.argv.slice(2, 5).map(Number);
const intervalMs = intervalSeconds * 1000;
const agent =
  process.argv[5] === 'fresh' ? false : new http.Agent({ keepAlive: true, scheduling: 'lifo' });
const counts = { ok: 0, failed: 0 };

function probe(i) {
  const req = http.get({ host: '127.0.0.1', port, path: `/c/${i}`, agent }, (res) => {
    res.on('end', () => (res.statusCode === 200 ? counts.ok++ : counts.failed++));
    res.resume();
  });
  req.on('error', () => counts.failed++);
}

// One timer, like the hub's scheduler: fire every probe whose slot has come, sleep to the next.
const start = Date.now();
let next = 0; // probes started so far, over all rounds
function tick() {
  const now = Date.now();
  while (start + (next * intervalMs) / checks <= now) probe(next++ % checks);
  setTimeout(tick, Math.max(0, start + (next * intervalMs) / checks - Date.now()));
}
tick();

process.on('message', (message) => {
  if (message === 'counts') process.send({ ...counts, started: next });
});
process.on('disconnect', () => process.exit(0));
