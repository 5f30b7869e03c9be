// Runs the real Libdesk service for `npm run bench:http` in a process of its own, with the settings it
// is given in the environment, and reports its address and an integration API key to the parent.
import { startLibdesk } from '../../app/main.js';

const running = await startLibdesk({ announce: () => {} });
// The same staff service call `libdesk apikey add NAME` makes; only the first process creates the key.
const given = process.argv.indexOf('--api-key');
const key = given !== -1 ? process.argv[given + 1]! : (await running.deps.staff.addApiKey(`bench-${process.pid}`)).key;
process.send?.({ url: running.url, key });
process.on('SIGTERM', () => void running.close().then(() => process.exit(0)));
