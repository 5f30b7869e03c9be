/** One occurrence of a library event (a recurring series is expanded into one of these per date). */
export interface LibraryEvent {
  /** Stable per occurrence: the feed's UID plus the occurrence start, so two Saturdays differ. */
  uid: string;
  title: string;
  description: string;
  start: Date;
  end: Date;
  /** Free text from the feed: "Main Library, Children's Room". */
  location: string;
  /** The branch the location names, when one could be recognised. */
  branchId?: string;
  /** Who it is for, from the feed's categories: "kids", "teens", "adults", "seniors", "families", "all ages". */
  audience?: string;
  categories: string[];
}

export interface UpcomingEventsOptions {
  from: Date;
  to: Date;
  /** Fuzzy words matched against title, description and categories ("story time", "computer class"). */
  query?: string;
  /** Only events for this audience (events for "all ages" always match). */
  audience?: string;
  branchId?: string;
  limit?: number;
}

/** The library's programme of events, sorted by start. */
export interface EventsPort {
  upcoming(options: UpcomingEventsOptions): LibraryEvent[];
}
