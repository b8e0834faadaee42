// The probed service: answers 200 "ok" to everything, keeping connections alive.
// Runs in its own process so its CPU is not counted against the hub or the floor.
import http from 'node:http';

const server = http.createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
  res.end('ok');
});
// Longer than any check interval: an idle keep-alive connection is the client's to close.
server.keepAliveTimeout = 120_000;
server.headersTimeout = 121_000;
server.requestTimeout = 0;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
