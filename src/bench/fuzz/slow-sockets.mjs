// Slow clients against Feder: opens N sockets that start a request and then stall, and reports how
// long the server keeps them open and how fast it answers everyone else meanwhile.
//
//   node slow-sockets.mjs --url http://localhost:8080 [--sockets 100] [--seconds 60]
//                         [--mode silent|trickle] [--interval 5]
//
// silent:  the request line and one header, then nothing (a client that stalls).
// trickle: one more header byte every --interval seconds (slowloris), never ending the headers.

import net from 'node:net';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const BASE = new URL(args.url ?? 'http://localhost:8080');
const SOCKETS = Number(args.sockets ?? 100);
const SECONDS = Number(args.seconds ?? 60);
const MODE = args.mode ?? 'trickle';
const INTERVAL = Number(args.interval ?? 5) * 1000;
const port = Number(BASE.port || 80);

const open = new Set();
const closedAt = [];
const started = Date.now();

for (let i = 0; i < SOCKETS; i++) {
  const socket = net.connect(port, BASE.hostname);
  socket.on('connect', () => {
    open.add(socket);
    socket.write(`GET /api/v1/articles HTTP/1.1\r\nHost: ${BASE.host}\r\nX-Slow: `);
    if (MODE === 'trickle') {
      socket.timer = setInterval(() => socket.write('a'), INTERVAL);
    }
  });
  const gone = () => {
    if (open.delete(socket)) closedAt.push((Date.now() - started) / 1000);
    clearInterval(socket.timer);
  };
  socket.on('close', gone);
  socket.on('error', gone);
}

/** One ordinary GET on a connection of its own; resolves with its latency in ms, or null. */
function probe() {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const socket = net.connect(port, BASE.hostname, () =>
      socket.write(`GET /api/v1/categories?size=1 HTTP/1.1\r\nHost: ${BASE.host}\r\nConnection: close\r\n\r\n`),
    );
    let seen = '';
    socket.setTimeout(10000, () => {
      socket.destroy();
      resolve(null);
    });
    socket.on('data', (d) => {
      seen += d.toString('latin1');
    });
    socket.on('close', () => resolve(seen.startsWith('HTTP/1.1 200') ? Number(process.hrtime.bigint() - t0) / 1e6 : null));
    socket.on('error', () => resolve(null));
  });
}

const samples = [];
const checkpoints = [];
const latencies = [];
const tick = setInterval(async () => {
  const second = Math.round((Date.now() - started) / 1000);
  checkpoints.push([second, open.size]);
  const latency = await probe();
  latencies.push(latency);
}, 1000);

setTimeout(() => {
  clearInterval(tick);
  for (const socket of open) {
    clearInterval(socket.timer);
    socket.destroy();
  }
  const answered = latencies.filter((l) => l !== null).sort((a, b) => a - b);
  const at = (q) => answered[Math.min(answered.length - 1, Math.floor(q * answered.length))]?.toFixed(1);
  const stillOpen = (s) => checkpoints.filter(([t]) => t <= s).at(-1)?.[1];
  console.log(
    JSON.stringify({
      mode: MODE,
      sockets: SOCKETS,
      seconds: SECONDS,
      open: Object.fromEntries([5, 15, 25, 35, 45, SECONDS - 1].map((s) => [`${s}s`, stillOpen(s)])),
      firstClosedAfterSeconds: closedAt.length ? Math.min(...closedAt).toFixed(1) : null,
      lastClosedAfterSeconds: closedAt.length ? Math.max(...closedAt).toFixed(1) : null,
      otherRequests: { sent: latencies.length, answered: answered.length, p50ms: at(0.5), p99ms: at(0.99) },
    }),
  );
  process.exit(0);
}, SECONDS * 1000);
