/** What a catalog record is, as patrons would say it. Detected from MARC leader/06-07, 007 and 008. */
export const CATALOG_FORMATS = ['book', 'large_print', 'ebook', 'dvd', 'audiobook', 'music', 'map', 'serial', 'other'] as const;
export type CatalogFormat = (typeof CATALOG_FORMATS)[number];

/** Circulation status of one copy. Only `available` counts as "in". */
export const ITEM_STATUSES = [
  'available',
  'checked_out',
  'on_hold',
  'in_transit',
  'missing',
  'lost',
  'withdrawn',
  'not_for_loan',
] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** One bibliographic record as the assistant shows it. */
export interface CatalogRecord {
  /** Stable record key: "DLC:5637241" (003:001) or "isbn:9780439708180". */
  id: string;
  title: string;
  subtitle?: string;
  /** As catalogued, surname first: "Grisham, John". */
  authors: string[];
  subjects: string[];
  /** ISBN-13s. */
  isbns: string[];
  publisher?: string;
  year?: number;
  edition?: string;
  series: string[];
  /** The title in its original script (Hebrew, Cyrillic, CJK…) when the record is romanized (MARC 880). */
  alternateTitles?: string[];
  summary?: string;
  /** MARC language code ("eng", "spa"). */
  language?: string;
  format: CatalogFormat;
  /** Dewey (082/092) when present, else LC (050/090): the number patrons find on the spine. */
  callNumber?: string;
  deweyCallNumber?: string;
  lcCallNumber?: string;
}

export type SearchField = 'keyword' | 'title' | 'author' | 'subject' | 'isbn';

export interface CatalogQuery {
  text: string;
  /** Which field the words must be in; `keyword` (the default) searches all of them. */
  field?: SearchField;
  format?: CatalogFormat;
  language?: string;
  branchId?: string;
  /** Only records with a copy on the shelf (at `branchId` when given). */
  availableOnly?: boolean;
  limit?: number;
  /**
   * `loose`: a word the catalog knows may still be a typo of another ("hungary" for "hungry"), so its
   * near spellings are searched too. For a second try after nothing matched; the default takes a known
   * word as meant.
   */
  spelling?: 'loose';
}

export interface CatalogHit {
  record: CatalogRecord;
  /** Relative relevance; higher is better, only comparable within one result. */
  score: number;
}

export interface CatalogSearchResult {
  hits: CatalogHit[];
  /** How many records matched before `limit`. */
  total: number;
}

/** Copies of one record at one branch. */
export interface BranchAvailability {
  branchId: string;
  total: number;
  available: number;
  /** Earliest due date among the copies checked out there. */
  nextDueAt?: Date;
  /** Where the copies stand, as the ILS names it ("Adult Nonfiction"). */
  locations: string[];
  callNumber?: string;
}

export interface Availability {
  bibId: string;
  total: number;
  available: number;
  branches: BranchAvailability[];
}

/** One place on the shelf map: a branch, a floor and an area. */
export interface ShelfPlace {
  branchId: string;
  floor?: number;
  /** "Cookbooks, 2nd floor, east wall". */
  area: string;
}

/** Where a call number or a named collection stands. */
export interface ShelfLocation {
  /** What was found: "Cookbooks (641.5)", "Graphic novels". */
  label: string;
  /** The call number range, when the answer came from one ("641.5–641.59"). */
  range?: string;
  places: ShelfPlace[];
}

/** The catalog as the assistant needs it: search, records, live availability and shelf locations. */
export interface CatalogPort {
  search(query: CatalogQuery): Promise<CatalogSearchResult>;
  get(id: string): Promise<CatalogRecord | undefined>;
  /** Live copy counts and due dates per branch, read from the ILS items. */
  availability(ids: string[]): Promise<Map<string, Availability>>;
  /** "641.5", "QA76.73.P98 L88 2019", "cookbooks", "graphic novels": where is it? */
  locate(text: string, options?: { branchId?: string }): ShelfLocation | undefined;
}
