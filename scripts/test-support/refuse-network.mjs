/**
 * Loaded with `node --import` by tests that must prove a tool makes no network call: every TCP
 * connection to anything but loopback is refused and reported on stderr as `NETWORK ATTEMPT host:port`.
 */
import net from 'node:net';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);
const connect = net.Socket.prototype.connect;

net.Socket.prototype.connect = function refuseNonLoopback(...args) {
  const first = args[0];
  const options = typeof first === 'object' && first !== null ? first : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
  if (options.path === undefined) {
    const host = options.host ?? 'localhost';
    if (!LOOPBACK.has(host)) {
      process.stderr.write(`NETWORK ATTEMPT ${host}:${String(options.port)}\n`);
      process.nextTick(() => this.destroy(new Error(`Network access to ${host} is refused in this test`)));
      return this;
    }
  }
  return connect.apply(this, args);
};
