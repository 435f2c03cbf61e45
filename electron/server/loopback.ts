/** Whether a host name or address is this machine's loopback (where plain HTTP never leaves the machine). */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
