/** What a worker could reach the network with; the file host uses none of them. */
export const NETWORK_APIS = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport'] as const;

/**
 * Removes the network from a worker's global scope. A page's Content-Security-Policy does not
 * reach its worker (only the worker script's own response header would), and a server hosting the
 * page may not send one: a worker running the file host (the web page's, the pane's outside Excel)
 * takes the means away itself before it handles any request.
 */
export function closeNetwork(global: Record<string, unknown>): void {
  for (const name of NETWORK_APIS) {
    try {
      Object.defineProperty(global, name, { value: undefined, configurable: false, writable: false });
    } catch {
      global[name] = undefined;
    }
  }
}
