/** The address to reach a server on: a wildcard host is reached on loopback. */
export function listeningUrl(host: string, port: number): string {
  return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
}
