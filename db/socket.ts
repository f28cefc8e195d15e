import { once } from 'node:events';
import net from 'node:net';

/** The driver's connection options as it hands them to a socket factory (`postgres`'s `socket` option). */
type Target = { host: string[]; port: number[]; path?: string | false; connect_timeout?: number };

const CONNECT_TIMEOUT_SECONDS = 30;

/**
 * Opens a connection to PostgreSQL with Nagle's algorithm off. The driver pipelines: it writes a
 * statement while the answer to the one before is still on its way (a transaction's last statement
 * and its COMMIT, statements of two requests on one pooled connection). With Nagle on — a Node
 * socket's default, which `postgres` keeps — the kernel holds a small write back until everything
 * written before it is acknowledged, which on a quiet connection is when the server answers: the
 * pipelined statement waits a round trip after all. TLS, when the URL asks for it, is still set up
 * by the driver over this socket. Only the first host of a multi-host URL is used.
 */
export async function openSocket(target: Target): Promise<net.Socket> {
  const socket = target.path
    ? net.connect(target.path)
    : net.connect({ host: target.host[0], port: target.port[0] ?? 5432 });
  socket.setNoDelay(true);
  const seconds = target.connect_timeout ?? CONNECT_TIMEOUT_SECONDS;
  try {
    await once(socket, 'connect', { signal: AbortSignal.timeout(seconds * 1000) });
  } catch (error) {
    socket.destroy();
    throw error;
  }
  return socket;
}

/** `postgres` options that open every connection with `openSocket` (the option is not in its types). */
export const noDelaySocket = { socket: openSocket } as object;
