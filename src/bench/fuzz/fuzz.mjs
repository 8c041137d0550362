// A spec-driven fuzzer for Feder: walks openapi/openapi.json and sends every operation valid and
// hostile requests (parameters, bodies, headers, credentials), then framing attacks on raw
// sockets. Each answer is read byte for byte off its own TCP connection, so the size of every
// response header block is measured exactly and a reset connection is seen as one.
//
//   node fuzz.mjs --url http://localhost:8080 --token <admin token> [--requests 12000]
//                 [--seed 42] [--concurrency 4] [--spec openapi/openapi.json] [--out report.json]
//
// Exit status 0 only if no answer was 500 or more, no connection was reset and no header block
// exceeded 8 KB. Node 18 or newer, no dependencies.

import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const BASE = new URL(args.url ?? 'http://localhost:8080');
const TOKEN = args.token ?? 'dev-admin-token';
const TOTAL = Number(args.requests ?? 12000);
const CONCURRENCY = Number(args.concurrency ?? 4);
const SPEC = JSON.parse(readFileSync(args.spec ?? 'openapi/openapi.json', 'utf8'));
const HEADER_LIMIT = 8192;
const TIMEOUT_MS = 15000;

// ---------------------------------------------------------------------------------------------
// Randomness, seeded so that a run can be repeated.

let seed = Number(args.seed ?? 42) >>> 0;
function random() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const chance = (p) => random() < p;
const pick = (items) => items[Math.floor(random() * items.length)];
const int = (min, max) => min + Math.floor(random() * (max - min + 1));
const uuid = () =>
  'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => int(0, 15).toString(16));

// ---------------------------------------------------------------------------------------------
// One HTTP/1.1 exchange on its own socket, parsed by hand.

/**
 * Sends raw bytes and reads the answers. Resolves with every response found on the connection
 * (status, header block size, headers, body), whether the server closed or reset it, or timed out.
 */
function exchange(raw, { expectAnswers = 1, head = false, grace = 0 } = {}) {
  return new Promise((resolve) => {
    let quiet = null;
    const socket = net.connect(Number(BASE.port || 80), BASE.hostname);
    const chunks = [];
    let done = false;
    const finish = (how) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearTimeout(quiet);
      socket.destroy();
      const buffer = Buffer.concat(chunks);
      resolve({ ...parse(buffer, head), how });
    };
    const timer = setTimeout(() => finish('timeout'), TIMEOUT_MS);
    socket.on('connect', () => socket.write(raw));
    socket.on('data', (data) => {
      chunks.push(data);
      const parsed = parse(Buffer.concat(chunks), head);
      if (parsed.complete >= expectAnswers) finish('complete');
      // Raw attacks: once an answer is in, wait a little for any further one (a smuggled request
      // answered), then stop, rather than until the server closes an idle connection.
      if (grace && parsed.complete >= 1) {
        clearTimeout(quiet);
        quiet = setTimeout(() => finish('complete'), grace);
      }
    });
    socket.on('end', () => finish('closed'));
    socket.on('close', () => finish('closed'));
    socket.on('error', (e) => finish(e.code === 'ECONNRESET' || e.code === 'EPIPE' ? 'reset' : e.code));
  });
}

/** Every complete response in the buffer; an incomplete last one counts as partial. */
function parse(buffer, head) {
  const responses = [];
  let offset = 0;
  let complete = 0;
  while (offset < buffer.length) {
    const end = buffer.indexOf('\r\n\r\n', offset);
    if (end < 0) break;
    const headText = buffer.subarray(offset, end).toString('latin1');
    const headerBytes = end + 4 - offset;
    const [statusLine, ...lines] = headText.split('\r\n');
    const status = Number(statusLine.split(' ')[1]);
    const headers = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon > 0) {
        const name = line.slice(0, colon).trim().toLowerCase();
        headers[name] = headers[name] === undefined ? line.slice(colon + 1).trim() : headers[name] + ', ' + line.slice(colon + 1).trim();
      }
    }
    let bodyStart = end + 4;
    let bodyEnd;
    if (status === 100) {
      offset = bodyStart;
      continue;
    }
    if (head || status === 204 || status === 304) {
      bodyEnd = bodyStart;
    } else if ((headers['transfer-encoding'] ?? '').toLowerCase().includes('chunked')) {
      bodyEnd = chunkedEnd(buffer, bodyStart);
    } else if (headers['content-length'] !== undefined) {
      bodyEnd = bodyStart + Number(headers['content-length']);
      if (bodyEnd > buffer.length) bodyEnd = -1;
    } else {
      bodyEnd = -2; // until the connection closes
    }
    if (bodyEnd === -1 || bodyEnd === -2) {
      responses.push({ status, headerBytes, headers, body: buffer.subarray(bodyStart), partial: bodyEnd === -1 });
      break;
    }
    responses.push({ status, headerBytes, headers, body: buffer.subarray(bodyStart, bodyEnd) });
    complete++;
    offset = bodyEnd;
  }
  return { responses, complete };
}

function chunkedEnd(buffer, start) {
  let at = start;
  for (;;) {
    const line = buffer.indexOf('\r\n', at);
    if (line < 0) return -1;
    const size = parseInt(buffer.subarray(at, line).toString('latin1').split(';')[0], 16);
    if (Number.isNaN(size)) return -1;
    at = line + 2;
    if (size === 0) {
      const trailer = buffer.indexOf('\r\n', at);
      if (trailer < 0) return -1;
      // Skip trailers, if any, up to the empty line.
      let cursor = at;
      for (;;) {
        const next = buffer.indexOf('\r\n', cursor);
        if (next < 0) return -1;
        if (next === cursor) return next + 2;
        cursor = next + 2;
      }
    }
    at += size + 2;
    if (at > buffer.length) return -1;
  }
}

/** A request as bytes: method, target, headers (name/value pairs), optional body. */
function build(method, target, headers, body) {
  const lines = [`${method} ${target} HTTP/1.1`];
  const names = new Set(headers.map(([name]) => name.toLowerCase()));
  if (!names.has('host')) lines.push(`Host: ${BASE.host}`);
  for (const [name, value] of headers) lines.push(`${name}: ${value}`);
  const bytes = body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  if (body !== undefined && !names.has('content-length') && !names.has('transfer-encoding')) {
    lines.push(`Content-Length: ${bytes.length}`);
  }
  return Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1'), bytes]);
}

/** A plain JSON exchange for the setup, with the admin token. */
async function call(method, path, body, extra = []) {
  const headers = [['Authorization', `Bearer ${TOKEN}`], ['Accept', 'application/json'], ...extra];
  if (body !== undefined) headers.push(['Content-Type', 'application/json']);
  const result = await exchange(build(method, path, headers, body === undefined ? undefined : JSON.stringify(body)));
  const response = result.responses[0];
  if (!response) throw new Error(`${method} ${path}: no answer (${result.how})`);
  let json = null;
  try {
    json = JSON.parse(response.body.toString('utf8'));
  } catch {
    // not JSON
  }
  return { status: response.status, headers: response.headers, json };
}

// ---------------------------------------------------------------------------------------------
// Fixtures: real ids and slugs for path parameters, so that valid requests reach the resources.

const fixtures = { category: [], author: [], article: [], token: [], trash: [], cursor: {} };

async function setUp() {
  const tag = Date.now().toString(36);
  for (let i = 0; i < 3; i++) {
    const c = await call('POST', '/api/v1/categories', { name: `Fuzz ${tag} ${i}` });
    if (c.status !== 201) throw new Error(`cannot create a category: ${c.status} ${JSON.stringify(c.json)}`);
    fixtures.category.push(c.json);
    const a = await call('POST', '/api/v1/authors', { name: `Fuzz Autorin ${tag} ${i}`, email: `f${i}@example.org` });
    fixtures.author.push(a.json);
  }
  for (let i = 0; i < 6; i++) {
    const r = await call('POST', '/api/v1/articles', {
      title: `Fuzz „Übung“ ${tag} ${i}`,
      body: '<p>Am frühen Morgen liefen zwölf Schiffe aus.</p>',
      category: { slug: fixtures.category[i % 3].slug },
      authors: [{ slug: fixtures.author[i % 3].slug }],
      tags: ['Marine', `t${i}`],
      status: 'published',
    });
    fixtures.article.push(r.json);
  }
  const t = await call('POST', '/api/v1/tokens', { name: `fuzz ${tag}`, role: 'viewer' });
  fixtures.token.push(t.json);
  fixtures.viewerToken = t.json.token;
  const list = await call('GET', '/api/v1/articles?size=2');
  fixtures.cursor.article = list.json?.meta?.nextCursor;
  const audit = await call('GET', '/api/v1/audit-events?size=2');
  fixtures.cursor.audit = audit.json?.meta?.nextCursor;
  // One article in the trash, for the trash operations.
  const victim = fixtures.article.pop();
  const got = await call('GET', `/api/v1/articles/${victim.id}`);
  await call('DELETE', `/api/v1/articles/${victim.id}`, undefined, [['If-Match', got.headers.etag]]);
  fixtures.trash.push(victim);
}

// ---------------------------------------------------------------------------------------------
// Values: valid ones from the spec and fixtures, hostile ones from a catalogue.

const HOSTILE = [
  () => '',
  () => 'x'.repeat(int(300, 6000)),
  () => '\u0000',
  () => 'a\u0000b',
  () => '99999999999999999999999',
  () => '-1',
  () => '0',
  () => '2147483648',
  () => '1e400',
  () => 'NaN',
  () => '\u0661', // Arabic-Indic 1
  () => '\uff11\uff10', // full-width 10
  () => '\u0968',
  () => '+5',
  () => ' 5',
  () => 'true',
  () => 'null',
  () => '[]',
  () => '{"a":1}',
  () => '😀'.repeat(int(1, 600)),
  () => '\u202e\u200b\ufeff',
  () => '<script>alert(1)</script>',
  () => "' or 1=1 --",
  () => '../../etc/passwd',
  () => '%00',
  () => '\r\nX-Injected: 1',
  () => '\ud800', // lone surrogate
  () => 'Ünïcödé ß „Zitat“',
  () => uuid(),
  () => '6F1C2A43-5E1B-4D8E-9A57-3B2C1D0E9F88',
  () => '1-1-1-1-1',
  () => '2026-13-45T99:99:99Z',
  () => '2026-11-26T08:15:00Z',
  () => '-publishedAt,-publishedAt',
  () => 'id,slug,nope',
  () => 'draft',
];

/** Raw, already percent-encoded forms that no encoder would produce. */
const RAW_ENCODED = ['%ZZ', '%C3%28', '%E0%A4', '%', '%%', '%FF%FE', '%ED%A0%80', '%F4%90%80%80', '%C0%AF', 'a+b', '%2e%2e%2f'];

function hostile() {
  return pick(HOSTILE)();
}

function encode(value) {
  // Lone surrogates cannot be encoded as UTF-8: they become U+FFFD, as a browser would send them.
  return encodeURIComponent(value.toWellFormed());
}

function resolve(schema) {
  if (schema && schema.$ref) {
    const name = schema.$ref.split('/').pop();
    return { ...SPEC.components.schemas[name], ...schema, $ref: undefined };
  }
  return schema ?? {};
}

function validQuery(parameter) {
  const schema = resolve(parameter.schema);
  if (parameter.name === 'cursor') return pick([fixtures.cursor.article, fixtures.cursor.audit].filter(Boolean)) ?? '';
  if (parameter.name === 'category') return pick(fixtures.category).slug;
  if (parameter.name === 'author') return pick(fixtures.author).slug;
  if (parameter.name === 'entityId') return pick(fixtures.article).id;
  // Long but valid texts too, so that links approach the Link header's budget.
  if (parameter.name === 'q') return pick(['Übung', 'Marine', 'Ubung Kuste', '"Gelben Meer"', 'Schiffe -Marine', 'Übnug', 'Übung '.repeat(int(20, 83)), '🚢'.repeat(int(50, 500))]);
  if (parameter.name === 'tag') return pick(['Marine', 't1', 'Ü'.repeat(int(1, 100))]);
  if (schema.enum) return pick(schema.enum);
  if (schema.type === 'integer') return String(int(schema.minimum ?? 0, Math.min(schema.maximum ?? 50, 50)));
  if (schema.type === 'boolean') return pick(['true', 'false']);
  if (schema.format === 'date-time') return new Date(Date.now() - int(0, 4e10)).toISOString().replace(/\.\d+Z$/, 'Z');
  if (parameter.example !== undefined) return String(parameter.example);
  return 'welt';
}

function pathValue(name, path) {
  if (name === 'n') return chance(0.8) ? String(int(1, 3)) : pick(['0', '١', '01', '-1', '99999999999']);
  if (name === 'slug') {
    const kind = path.includes('/authors') ? 'author' : path.includes('/categories') || path.includes('/feeds') ? 'category' : 'article';
    return pick(fixtures[kind]).slug;
  }
  const kind = path.startsWith('/api/v1/trash') ? 'trash' : path.startsWith('/api/v1/tokens') ? 'token'
    : path.startsWith('/api/v1/authors') ? 'author' : path.startsWith('/api/v1/categories') ? 'category' : 'article';
  return pick(fixtures[kind]).id;
}

/** The example body an operation documents, as a JavaScript value. */
function exampleBody(operation) {
  const content = operation.requestBody?.content ?? {};
  for (const [type, media] of Object.entries(content)) {
    const named = media.examples && Object.values(media.examples)[0];
    if (named) return { type, value: structuredClone(named.value) };
    const schema = resolve(media.schema);
    if (schema.examples?.length) return { type, value: structuredClone(schema.examples[0]) };
    return { type, value: {} };
  }
  return null;
}

function withFixtures(value) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    if ('category' in value) value.category = { slug: pick(fixtures.category).slug };
    if ('authors' in value) value.authors = [{ slug: pick(fixtures.author).slug }];
    if ('parent' in value) value.parent = { slug: pick(fixtures.category).slug };
    if ('author' in value) value.author = { slug: pick(fixtures.author).slug };
    if ('related' in value) value.related = [{ id: pick(fixtures.article).id }];
    const unique = random().toString(36).slice(2, 10);
    if ('name' in value) value.name = `${value.name} ${unique}`;
    if ('title' in value) value.title = `${value.title} ${unique}`;
    if ('slug' in value) value.slug = `fuzz-${unique}`;
  }
  return value;
}

function mutate(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return hostile();
  const keys = Object.keys(value);
  const key = keys.length ? pick(keys) : 'title';
  switch (int(0, 11)) {
    case 0: value[key] = hostile(); break;
    case 1: value[key] = pick([null, 0, -1, 1e308, 2 ** 63, true, [], {}, [null], 'x'.repeat(300001)]); break;
    case 2: delete value[key]; break;
    case 3: value[pick(['unknown', 'id', 'createdAt', '__proto__', 'constructor', ''])] = hostile(); break;
    case 4: value[key] = { slug: hostile(), id: hostile() }; break;
    case 5: value[key] = Array.from({ length: int(100, 5000) }, () => ({ slug: 'x' })); break;
    case 6: value[key] = nested(int(50, 3000)); break;
    case 7: value[key] = 'ok\u0000nul'; break;
    case 8: value.publishedAt = pick(['2026-02-30T00:00:00Z', '+999999-01-01T00:00:00Z', '1970-01-01T00:00:00Z', 'gestern']); break;
    case 9: value.status = pick(['PUBLISHED', 'deleted', '', 'scheduled']); break;
    case 10: value.body = pick(['<script>x</script><p onclick=x>y</p>', '<'.repeat(10000), '<a href="javascript:alert(1)">z</a>']); break;
    default: value.tags = Array.from({ length: int(0, 500) }, () => hostile()); break;
  }
  return value;
}

function nested(depth) {
  let value = 'deep';
  for (let i = 0; i < depth; i++) value = chance(0.5) ? [value] : { a: value };
  return value;
}

function bodyBytes(operation) {
  const example = exampleBody(operation);
  const type = example?.type ?? 'application/json';
  const value = withFixtures(example?.value ?? {});
  switch (int(0, 9)) {
    case 0:
    case 1:
    case 2: return { type, bytes: JSON.stringify(value) }; // valid, with real references
    case 3:
    case 4:
    case 5: return { type, bytes: JSON.stringify(mutate(value)) };
    case 6: return { type, bytes: pick(['', 'null', '[]', '"x"', '{', '{"title": }', '{"a":1}{"b":2}', '\ufeff{}', '{"title":"a","title":"b"}']) };
    case 7: return { type, bytes: Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]) }; // invalid UTF-8
    case 8: return { type, bytes: JSON.stringify({ title: '1'.repeat(int(1, 20)) + 'e99999', n: Number.MAX_VALUE }) .replace('"1', '1').replace('e99999"', 'e99999') };
    default: return { type: pick(['text/plain', 'application/xml', 'application/json; charset=latin1', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', '']), bytes: 'title=x' };
  }
}

/** Credentials: mostly none or valid ones, a fifth of them bad in some way. */
const AUTH = () =>
  chance(0.8)
    ? pick([[], [['Authorization', `Bearer ${TOKEN}`]], [['Authorization', `Bearer ${TOKEN}`]], [['Authorization', `Bearer ${TOKEN}`]], [['Authorization', `Bearer ${fixtures.viewerToken}`]]])
    : pick([
        [['Authorization', 'Bearer falsch']],
        [['Authorization', 'Bearer ' + 'x'.repeat(int(100, 8000))]],
        [['Authorization', 'Basic YWRtaW46YWRtaW4=']],
        [['Authorization', 'Bearer']],
        [['Authorization', '']],
      ]);

const EXTRA_HEADERS = [
  () => ['Accept', pick(['application/xml', 'text/html;q=0', '*/*', 'application/json;q=abc', 'x'.repeat(3000), 'application/problem+json', 'application/rss+xml, */*;q=0.1'])],
  () => ['Accept-Encoding', pick(['gzip', 'br', 'gzip;q=0', 'identity;q=0', 'x'.repeat(2000), 'deflate, gzip'])],
  () => ['If-None-Match', pick(['*', '"x"', 'W/"x"', '"' + 'a'.repeat(5000) + '"', Array.from({ length: 200 }, (_, i) => `"e${i}"`).join(', ')])],
  () => ['Origin', pick(['http://localhost:3000', 'https://evil.example', 'null', 'http://localhost:3000/path', 'x'.repeat(3000), `http://${BASE.host}`])],
  () => ['Access-Control-Request-Method', pick(['PATCH', 'TRACE', 'x'.repeat(100)])],
  () => ['Access-Control-Request-Headers', pick(['authorization,if-match', 'x-' + 'a'.repeat(8000), Array.from({ length: 300 }, (_, i) => `x-h${i}`).join(',')])],
  () => ['Idempotency-Key', pick(['k-' + uuid(), 'x'.repeat(5000), ''])],
  () => ['X-Forwarded-Host', 'evil.example'],
  () => ['X-Forwarded-Proto', 'gopher'],
  () => ['Forwarded', 'for=1.2.3.4;host=evil.example;proto=https'],
  () => ['Range', 'bytes=0-10'],
  () => ['Cookie', 'session=' + 'c'.repeat(4000)],
  () => ['X-Long', 'v'.repeat(int(5000, 15000))],
  () => ['Expect', '100-continue'],
];

function ifMatch() {
  return pick([
    null,
    '"stale"',
    '*',
    'W/"x"',
    '"' + 'b'.repeat(3000) + '"',
    Array.from({ length: 100 }, (_, i) => `"e${i}"`).join(', '),
    '',
  ]);
}

// ---------------------------------------------------------------------------------------------
// Requests from the spec.

const operations = [];
for (const [path, item] of Object.entries(SPEC.paths)) {
  for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
    if (item[method]) operations.push({ path, method: method.toUpperCase(), operation: item[method] });
  }
}

/** A request for one operation: mostly valid, with one or more hostile changes. */
async function specRequest() {
  const { path, method: documented, operation } = pick(operations);
  const parameters = operation.parameters ?? [];
  const method = chance(0.04) ? pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'PROPFIND', 'FOO']) : documented;
  const hostileShare = 0.25;

  let target = path.replace(/\{(\w+)\}/g, (_, name) => {
    if (chance(hostileShare * 0.5)) return chance(0.3) ? pick(RAW_ENCODED) : encode(hostile());
    return encode(pathValue(name, path));
  });

  const query = [];
  for (const parameter of parameters.filter((p) => p.in === 'query')) {
    if (chance(0.45)) {
      const value = chance(hostileShare) ? hostile() : validQuery(parameter);
      query.push(`${parameter.name}=${chance(0.05) ? pick(RAW_ENCODED) : encode(value)}`);
      if (chance(0.05)) query.push(`${parameter.name}=${encode(validQuery(parameter))}`); // given twice
    }
  }
  if (chance(0.08)) query.push(`${pick(['access_token', 'api_key', 'password', 'utm_source', '_', 'x'.repeat(500), '%ZZ', 'tag[]', ''])}=${encode(hostile())}`);
  if (chance(0.02)) query.push(Array.from({ length: int(100, 900) }, (_, i) => `tag=t${i}`).join('&'));
  if (query.length) target += '?' + query.join('&');
  if (chance(0.01)) target += '#fragment';

  const headers = [...AUTH()];
  if (!headers.some(([n]) => n === 'Accept') && chance(0.9)) headers.push(['Accept', 'application/json, application/problem+json, application/xml']);
  for (const parameter of parameters.filter((p) => p.in === 'header')) {
    if (parameter.name === 'If-Match') {
      if (chance(0.4) && documented !== 'POST') {
        // The current ETag: a valid write.
        const current = await call('GET', target.split('?')[0].replace(/\/restore$/, '').replace(/\/revisions\/[^/]+$/, '')).catch(() => null);
        if (current?.headers.etag) headers.push(['If-Match', current.headers.etag]);
      } else {
        const value = ifMatch();
        if (value !== null) headers.push(['If-Match', value]);
      }
    }
  }
  for (let i = int(0, 2); i > 0; i--) {
    if (chance(0.5)) headers.push(pick(EXTRA_HEADERS)());
  }

  let body;
  if (operation.requestBody && chance(0.95)) {
    const made = bodyBytes(operation);
    if (made.type) headers.push(['Content-Type', made.type]);
    body = made.bytes;
  } else if (chance(0.03)) {
    body = '{"unexpected": true}';
    headers.push(['Content-Type', 'application/json']);
  }
  const head = method === 'HEAD';
  const result = await exchange(build(method, target, headers, body), { head });
  return { kind: `${documented} ${path}`, request: `${method} ${target.slice(0, 200)}`, result, expectAnswers: 1 };
}

// ---------------------------------------------------------------------------------------------
// Framing, addressing and size attacks on raw sockets.

const HOST = `Host: ${BASE.host}\r\n`;
const SMUGGLED = `GET /api/v1/authors HTTP/1.1\r\n${HOST}\r\n`;
const RAW_ATTACKS = [
  ['TE xchunked + CL', `POST /api/v1/categories HTTP/1.1\r\n${HOST}Transfer-Encoding: xchunked\r\nContent-Length: 4\r\n\r\nabcd${SMUGGLED}`],
  ['TE chunked;q=1', `POST /api/v1/categories HTTP/1.1\r\n${HOST}Transfer-Encoding: chunked;q=1\r\nContent-Type: application/json\r\n\r\n0\r\n\r\n${SMUGGLED}`],
  ['TE chunked, chunked', `POST /api/v1/categories HTTP/1.1\r\n${HOST}Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n`],
  ['TE Chunked', `POST /api/v1/categories HTTP/1.1\r\n${HOST}Transfer-Encoding: Chunked\r\nContent-Type: application/json\r\n\r\n2\r\n{}\r\n0\r\n\r\n`],
  ['TE space before colon', `POST /api/v1/categories HTTP/1.1\r\n${HOST}Transfer-Encoding : chunked\r\nContent-Length: 4\r\n\r\nabcd`],
  ['TE obs-fold', `POST /api/v1/categories HTTP/1.1\r\n${HOST}Transfer-Encoding: x\r\n chunked\r\n\r\n0\r\n\r\n`],
  ['two TE headers', `POST /api/v1/categories HTTP/1.1\r\n${HOST}Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n0\r\n\r\n`],
  ['TE in HTTP/1.0', `POST /api/v1/categories HTTP/1.0\r\n${HOST}Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n`],
  ['TE chunked + CL', `POST /api/v1/categories HTTP/1.1\r\n${HOST}Transfer-Encoding: chunked\r\nContent-Length: 100\r\nContent-Type: application/json\r\n\r\n0\r\n\r\n`],
  ['two CL equal', `POST /api/v1/categories HTTP/1.1\r\n${HOST}Content-Length: 2\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}`],
  ['two CL different', `POST /api/v1/categories HTTP/1.1\r\n${HOST}Content-Length: 2\r\nContent-Length: 4\r\n\r\n{}{}`],
  ['CL negative', `POST /api/v1/categories HTTP/1.1\r\n${HOST}Content-Length: -1\r\n\r\n{}`],
  ['CL plus sign', `POST /api/v1/categories HTTP/1.1\r\n${HOST}Content-Length: +2\r\n\r\n{}`],
  ['CL Arabic digits', Buffer.from(`POST /api/v1/categories HTTP/1.1\r\n${HOST}Content-Length: ٢\r\n\r\n{}`, 'utf8')],
  ['CL huge', `POST /api/v1/categories HTTP/1.1\r\n${HOST}Content-Length: 99999999999999999999\r\n\r\n{}`],
  ['CL over body limit, Expect', `POST /api/v1/articles HTTP/1.1\r\n${HOST}Content-Length: 50000000\r\nExpect: 100-continue\r\nContent-Type: application/json\r\n\r\n`],
  ['chunk size junk', `POST /api/v1/categories HTTP/1.1\r\n${HOST}Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`],
  ['chunk size overflow', `POST /api/v1/categories HTTP/1.1\r\n${HOST}Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nffffffffffffffffffff\r\n{}\r\n0\r\n\r\n`],
  ['chunk extension long', `POST /api/v1/categories HTTP/1.1\r\n${HOST}Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n2;${'e'.repeat(20000)}\r\n{}\r\n0\r\n\r\n`],
  ['chunked over body limit', `POST /api/v1/articles HTTP/1.1\r\n${HOST}Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n` + `FFFF\r\n${'a'.repeat(0xffff)}\r\n`.repeat(40) + '0\r\n\r\n'],
  ['trailers', `POST /api/v1/categories HTTP/1.1\r\n${HOST}Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n2\r\n{}\r\n0\r\nX-Trailer: 1\r\n\r\n`],
  ['no Host 1.1', 'GET /api/v1/articles HTTP/1.1\r\n\r\n'],
  ['no Host 1.0 list', 'GET /api/v1/articles?size=2 HTTP/1.0\r\n\r\n'],
  ['no Host 1.0 feed', 'GET /api/v1/feeds/articles.atom HTTP/1.0\r\n\r\n'],
  ['no Host 1.0 sitemap', 'GET /sitemap.xml HTTP/1.0\r\n\r\n'],
  ['no Host 1.0 categories', 'GET /api/v1/categories HTTP/1.0\r\nOrigin: https://evil.example\r\n\r\n'],
  ['two Hosts', `GET /api/v1/categories HTTP/1.1\r\n${HOST}Host: evil.example\r\n\r\n`],
  ['empty Host', 'GET /api/v1/categories HTTP/1.1\r\nHost:\r\n\r\n'],
  ['Host with path', 'GET /api/v1/categories HTTP/1.1\r\nHost: evil.example/x?y\r\n\r\n'],
  ['Host userinfo', 'GET /api/v1/categories HTTP/1.1\r\nHost: a@evil.example\r\n\r\n'],
  ['Host long', `GET /api/v1/categories HTTP/1.1\r\nHost: ${'h'.repeat(10000)}.example\r\n\r\n`],
  ['absolute-form', `GET http://evil.example/api/v1/articles HTTP/1.1\r\n${HOST}\r\n`],
  ['asterisk-form', `OPTIONS * HTTP/1.1\r\n${HOST}\r\n`],
  ['line 8192', `GET /api/v1/categories?sort=${'a'.repeat(8192 - 37)} HTTP/1.1\r\n${HOST}\r\n`],
  ['line 8193', `GET /api/v1/categories?sort=${'a'.repeat(8193 - 37)} HTTP/1.1\r\n${HOST}\r\n`],
  ['line 16400', `GET /api/v1/categories?sort=${'a'.repeat(16400)} HTTP/1.1\r\n${HOST}\r\n`],
  ['line 70000', `GET /api/v1/articles?q=${'a'.repeat(70000)} HTTP/1.1\r\n${HOST}\r\n`],
  ['header 30K', `GET /api/v1/articles HTTP/1.1\r\n${HOST}X-Big: ${'b'.repeat(30000)}\r\n\r\n`],
  ['1000 headers', `GET /api/v1/articles HTTP/1.1\r\n${HOST}${Array.from({ length: 1000 }, (_, i) => `X-H${i}: ${i}\r\n`).join('')}\r\n`],
  ['header without colon', `GET /api/v1/articles HTTP/1.1\r\n${HOST}NoColonHere\r\n\r\n`],
  ['header name with space', `GET /api/v1/articles HTTP/1.1\r\n${HOST}Bad Name: x\r\n\r\n`],
  ['NUL in header', `GET /api/v1/articles HTTP/1.1\r\n${HOST}X-A: a\u0000b\r\n\r\n`],
  ['bare LF', `GET /api/v1/articles HTTP/1.1\n${HOST.trim()}\n\n`],
  ['bare CR', `GET /api/v1/articles HTTP/1.1\r${HOST}\r\n`],
  ['HTTP/0.9', 'GET /api/v1/articles\r\n\r\n'],
  ['HTTP/1.2', `GET /api/v1/articles HTTP/1.2\r\n${HOST}\r\n`],
  ['HTTP/2.0 line', `GET /api/v1/articles HTTP/2.0\r\n${HOST}\r\n`],
  ['h2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'],
  ['lower-case method', `get /api/v1/articles HTTP/1.1\r\n${HOST}\r\n`],
  ['unknown method', `FOO /api/v1/articles HTTP/1.1\r\n${HOST}\r\n`],
  ['CONNECT', `CONNECT evil.example:443 HTTP/1.1\r\n${HOST}\r\n`],
  ['TRACE', `TRACE /api/v1/articles HTTP/1.1\r\n${HOST}\r\n`],
  ['double space', `GET  /api/v1/articles  HTTP/1.1\r\n${HOST}\r\n`],
  ['NUL in target', `GET /api/v1/articles\u0000x HTTP/1.1\r\n${HOST}\r\n`],
  ['raw UTF-8 in target', Buffer.from(`GET /api/v1/articles/slug/übung HTTP/1.1\r\n${HOST}\r\n`, 'utf8')],
  ['raw invalid UTF-8', Buffer.concat([Buffer.from('GET /api/v1/articles/slug/'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(` HTTP/1.1\r\n${HOST}\r\n`)])],
  ['backslashes', `GET \\api\\v1\\articles HTTP/1.1\r\n${HOST}\r\n`],
  ['dot segments', `GET /api/v1/../v1/articles/../../../etc/passwd HTTP/1.1\r\n${HOST}\r\n`],
  ['encoded dot segments', `GET /api/v1/%2e%2e/%2e%2e/q/metrics HTTP/1.1\r\n${HOST}\r\n`],
  ['double slashes', `GET //api//v1//articles HTTP/1.1\r\n${HOST}\r\n`],
  ['no leading slash', `GET api/v1/articles HTTP/1.1\r\n${HOST}\r\n`],
  ['bad percent path', `GET /api/v1/articles/%ZZ HTTP/1.1\r\n${HOST}\r\n`],
  ['bad percent query', `GET /api/v1/articles?q=%ZZ HTTP/1.1\r\n${HOST}\r\n`],
  ['empty request', '\r\n\r\n'],
  ['garbage', '\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003'],
];

async function rawAttack() {
  const [name, request] = pick(RAW_ATTACKS);
  const bytes = Buffer.isBuffer(request) ? request : Buffer.from(request, 'latin1');
  const result = await exchange(bytes, { expectAnswers: 9, grace: 1500 });
  return { kind: `raw: ${name}`, request: name, result, raw: true };
}

async function pipelined() {
  const one = `GET /api/v1/categories?size=1 HTTP/1.1\r\n${HOST}\r\n`;
  const result = await exchange(Buffer.from(one + one + `GET /api/v1/authors?size=1 HTTP/1.1\r\n${HOST}Connection: close\r\n\r\n`, 'latin1'), { expectAnswers: 3 });
  return { kind: 'raw: pipelined', request: '3 pipelined GETs', result, raw: true, expectAnswers: 3 };
}

// ---------------------------------------------------------------------------------------------
// The run.

const stats = {
  requests: 0,
  byStatus: {},
  byKind: {},
  serverErrors: [],
  resets: [],
  timeouts: [],
  missingAnswers: [],
  largestHeaderBlock: { bytes: 0, request: null },
  overHeaderLimit: [],
  problemJsonErrors: 0,
  bareErrors: {},
};

function record(entry) {
  stats.requests++;
  const { result, kind, request } = entry;
  stats.byKind[kind] ??= {};
  if (result.how === 'reset') stats.resets.push(request);
  if (result.how === 'timeout' && !result.responses.length) stats.timeouts.push(`${kind}: ${request}`);
  if (!result.responses.length && result.how !== 'reset' && !entry.raw) stats.missingAnswers.push(`${request} (${result.how})`);
  if (entry.expectAnswers > 1 && result.complete < entry.expectAnswers) stats.missingAnswers.push(`${request}: ${result.complete} of ${entry.expectAnswers} answers`);
  if (!result.responses.length) {
    const key = `none (${result.how})`;
    stats.byStatus[key] = (stats.byStatus[key] ?? 0) + 1;
    stats.byKind[kind][key] = (stats.byKind[kind][key] ?? 0) + 1;
  }
  for (const response of result.responses) {
    const status = Number.isNaN(response.status) ? 'unparsed' : response.status;
    stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
    stats.byKind[kind][status] = (stats.byKind[kind][status] ?? 0) + 1;
    if (response.status >= 500) stats.serverErrors.push(`${request} → ${response.status} ${response.body.toString('utf8').slice(0, 200)}`);
    if (response.headerBytes > stats.largestHeaderBlock.bytes) stats.largestHeaderBlock = { bytes: response.headerBytes, request };
    if (response.headerBytes > HEADER_LIMIT) stats.overHeaderLimit.push(`${request} → ${response.headerBytes} bytes`);
    if (response.status >= 400) {
      if ((response.headers['content-type'] ?? '').startsWith('application/problem+json')) stats.problemJsonErrors++;
      else {
        const key = `${response.status} ${kind}`;
        stats.bareErrors[key] = (stats.bareErrors[key] ?? 0) + 1;
      }
    }
  }
}

async function main() {
  const started = Date.now();
  await setUp();
  console.log(`fuzz: ${operations.length} operations, ${RAW_ATTACKS.length} raw attacks, ${TOTAL} requests, seed ${args.seed ?? 42}`);
  let issued = 0;
  async function worker() {
    while (issued < TOTAL) {
      issued++;
      const roll = random();
      const entry = roll < 0.06 ? await rawAttack() : roll < 0.07 ? await pipelined() : await specRequest();
      record(entry);
      if (stats.requests % 1000 === 0) console.log(`fuzz: ${stats.requests} requests, ${stats.serverErrors.length} ≥ 500, ${stats.resets.length} resets, largest header block ${stats.largestHeaderBlock.bytes} bytes`);
    }
  }
  // Every raw attack once, before the random mix.
  for (const [name] of RAW_ATTACKS) {
    const [, request] = RAW_ATTACKS.find(([n]) => n === name);
    const bytes = Buffer.isBuffer(request) ? request : Buffer.from(request, 'latin1');
    record({ kind: `raw: ${name}`, request: name, result: await exchange(bytes, { expectAnswers: 9, grace: 1500 }), raw: true });
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  stats.seconds = Math.round((Date.now() - started) / 1000);
  const ok = !stats.serverErrors.length && !stats.resets.length && !stats.overHeaderLimit.length;
  console.log(
    `fuzz: ${stats.requests} requests in ${stats.seconds} s: ${stats.serverErrors.length} answers ≥ 500, ` +
      `${stats.resets.length} connection resets, ${stats.timeouts.length} timeouts, ` +
      `largest header block ${stats.largestHeaderBlock.bytes} bytes (${stats.largestHeaderBlock.request}), ` +
      `${stats.overHeaderLimit.length} over ${HEADER_LIMIT}`,
  );
  console.log('fuzz: statuses ' + JSON.stringify(stats.byStatus));
  if (Object.keys(stats.bareErrors).length) console.log('fuzz: errors without problem+json ' + JSON.stringify(stats.bareErrors));
  for (const line of [...stats.serverErrors, ...stats.resets.map((r) => `reset: ${r}`), ...stats.overHeaderLimit, ...stats.missingAnswers, ...stats.timeouts.map((t) => `no answer in ${TIMEOUT_MS / 1000} s: ${t}`)].slice(0, 60)) console.log('  ' + line);
  if (args.out) writeFileSync(args.out, JSON.stringify(stats, null, 2));
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
