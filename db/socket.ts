import net from 'node:net';

/** The driver's connection options as it hands them to a socket factory (`postgres`'s `socket` option). */
type Target = { host: string[]; port: number[]; path?: string | false };

/**
 * Opens a connection to PostgreSQL with Nagle's algorithm off. The driver pipelines: it writes a
 * statement while the answer to the one before is still on its way (a transaction's last statement
 * and its COMMIT, statements of two requests on one pooled connection). With Nagle on — a Node
 * socket's default, which `postgres` keeps — the kernel holds a small write back until everything
 * written before it is acknowledged, which on a quiet connection is when the server answers: the
 * pipelined statement waits a round trip after all.
 *
 * The socket is handed over while it still connects: the driver's first write waits in it until it
 * is connected, and the driver's own handlers take its errors, its close and its connect timeout,
 * as with a socket it opened itself (so a failed connection is retried on the next query). TLS,
 * when the URL asks for it, is still set up by the driver over this socket. Only the first host of
 * a multi-host URL is used.
 */
export function openSocket(target: Target): net.Socket {
  const socket = target.path
    ? net.connect(target.path)
    : net.connect({ host: target.host[0], port: target.port[0] ?? 5432 });
  return socket.setNoDelay(true);
}

/** `postgres` options that open every connection with `openSocket` (the option is not in its types). */
export const noDelaySocket = { socket: openSocket } as object;
