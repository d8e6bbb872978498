// The app server's own stop on SIGTERM/SIGINT: stop accepting connections, let the requests in flight
// finish (bounded), then close the database pools and exit.
//
// `next start` stops on those signals by itself, but exits as soon as its HTTP server has closed, with
// no place to close the database pools first and no bound on a request that never ends. With
// NEXT_MANUAL_SIG_HANDLE set it leaves the signals to the app, which is what `npm start` does; the
// HTTP server is then found through Node's `http.server.request.start` diagnostics channel, which
// names the server of every request (a server that has had no request has nothing to finish).
import { subscribe } from 'node:diagnostics_channel';
import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface GracefulShutdownOptions {
  /** How long requests in flight may take before their connections are cut. */
  timeoutMs: number;
  /** Closes what the process holds open (the database pools); given at most `timeoutMs` too. */
  close: () => Promise<void>;
  log?: (message: string) => void;
  exit?: (code: number) => void;
}

/** Resolves true once the server has closed with no connection left, or false after `timeoutMs`. */
function drain(server: Server, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    // Stops listening and closes the connections waiting for a request.
    server.close(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Makes a connection close once its response is complete instead of waiting, kept alive, for another
 * request: by `Connection: close` while the headers are still to be sent, else by ending the socket
 * after the response (a page streams, so its headers are usually out). The connections idle at the
 * signal are closed by `server.close()` itself.
 */
function closeAfterResponse(response: ServerResponse, socket: Socket) {
  if (!response.headersSent) response.setHeader('Connection', 'close');
  else if (!response.writableFinished) response.once('finish', () => socket.end());
  else if (!socket.destroyed) socket.end();
}

function withinTime<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Installs the SIGTERM/SIGINT handlers; a second signal while stopping changes nothing. */
export function stopGracefullyOnSignals({ timeoutMs, close, log = console.log, exit = process.exit }: GracefulShutdownOptions) {
  const servers = new Set<Server>();
  const inFlight = new Map<ServerResponse, Socket>();
  let stopping = false;
  subscribe('http.server.request.start', (message) => {
    const { server, response, socket } = message as { server: Server; response: ServerResponse; socket: Socket };
    servers.add(server);
    if (stopping) return closeAfterResponse(response, socket);
    inFlight.set(response, socket);
    response.once('close', () => inFlight.delete(response));
  });

  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`ittifaq: ${signal} received; finishing the requests in flight (at most ${timeoutMs / 1000} s), then stopping`);
    for (const [response, socket] of inFlight) closeAfterResponse(response, socket);
    const drained = await Promise.all([...servers].map((server) => drain(server, timeoutMs)));
    let code = 0;
    if (drained.includes(false)) {
      log(`ittifaq: requests were still running after ${timeoutMs / 1000} s; their connections are closed`);
      for (const server of servers) server.closeAllConnections();
      code = 1;
    }
    const closed = await withinTime(
      close().then(
        () => 'closed' as const,
        (error: unknown) => error,
      ),
      timeoutMs,
    );
    if (closed !== 'closed') {
      log(`ittifaq: closing the database connections ${closed === 'timeout' ? 'took too long' : `failed: ${String(closed)}`}`);
      code = 1;
    }
    if (code === 0) log('ittifaq: requests finished and database connections closed; stopped');
    exit(code);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
