import { fileURLToPath } from 'node:url';
import { createCatalogService, type CatalogService } from '../catalog-service.js';
import { seedDemoCatalog } from '../demo-catalog.js';
import { createCatalogImporter } from '../importer.js';
import { createSearchIndex } from '../search/search-index.js';
import { loadShelfMap } from '../shelf-map.js';
import { createMemoryCatalogRepository } from './memory-repository.js';

/**
 * The demo catalog (the well-known titles plus generated records) in memory, with the library's shelf map:
 * what skill tests search. The repository is returned so a test can change a copy's status.
 */
export async function createDemoTestCatalog(options: { now: Date; count?: number }): Promise<{ catalog: CatalogService; repository: ReturnType<typeof createMemoryCatalogRepository> }> {
  const repository = createMemoryCatalogRepository();
  const index = createSearchIndex();
  const shelfMap = loadShelfMap(fileURLToPath(new URL('../../knowledge/shelf-map.yaml', import.meta.url)));
  const catalog = createCatalogService({ repository, index, shelfMap });
  await seedDemoCatalog({ importer: createCatalogImporter({ repository, index, now: () => options.now }) }, { count: options.count ?? 2000, now: options.now });
  return { catalog, repository };
}
