// Runs the real Libdesk service for `npm run bench:http` exactly as `libdesk start` does (a cluster of
// WEB_PROCESSES web processes and a primary, with the settings it is given in the environment) and reports
// its address, an integration API key and the number of web processes to the parent. The web processes
// the primary forks run this file again; they only serve.
import { exitOnSignals, startService } from '../../app/cluster/index.js';

const service = await startService({ announce: () => {} });
if (service.kind !== 'web') {
  // The same staff service call `libdesk apikey add NAME` makes, in the primary.
  const { key } = await service.deps!.staff.addApiKey(`bench-${process.pid}`);
  process.send?.({ url: service.url, key, webProcesses: service.webProcesses });
}
// SIGTERM stops the web processes, then the primary; each writes its CPU profile (--cpu-prof) as it exits.
exitOnSignals(service);
