import { openDatabase } from '../db/index.js';
import { runStoresContract } from '../test/contracts/stores.contract.js';
import { createTemporaryDir } from '../test/support/services.js';

runStoresContract('SQLite', async () => {
  const temp = createTemporaryDir();
  const db = await openDatabase({ dataDir: temp.dir });
  return {
    prisma: db.prisma,
    close: async () => {
      await db.close();
      temp.remove();
    },
  };
});
