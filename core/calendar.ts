/** A branch of the library, as patrons name it. */
export interface Branch {
  id: string;
  name: string;
  /** Other names patrons use: "east", "eastside branch". */
  aliases: string[];
  address?: string;
  phone?: string;
  /** Where to park, in English and Spanish. */
  parking?: string;
  parkingEs?: string;
  /** How to get there (bus, landmarks), in English and Spanish. */
  directions?: string;
  directionsEs?: string;
}

/** Opening hours of one branch on one local calendar date. */
export interface DayHours {
  branchId: string;
  /** Local date in the library's time zone, YYYY-MM-DD. */
  date: string;
  open: boolean;
  /** Local wall-clock times, HH:mm. */
  opens?: string;
  closes?: string;
  /** Why this day differs from the weekly pattern: "Thanksgiving", "Christmas Eve (closes early)". */
  note?: string;
}

export interface OpenStatus {
  branchId: string;
  open: boolean;
  /** When open: the instant it closes. */
  closesAt?: Date;
  /** When closed: the next instant it opens (within the next weeks), if any. */
  nextOpensAt?: Date;
}

/** Date-aware opening hours per branch, with holidays and early closings, in the library's time zone. */
export interface LibraryCalendar {
  readonly timeZone: string;
  branches(): Branch[];
  /** Finds a branch named in free text ("eastside", "main library"). */
  findBranch(text: string): Branch | undefined;
  hoursOn(branchId: string, localDate: string): DayHours;
  statusAt(branchId: string, instant: Date): OpenStatus;
}

/** The library as a whole: what patrons see on the website footer. */
export interface LibraryInfo {
  name: string;
  timeZone: string;
  phone?: string;
  email?: string;
  website?: string;
  /** What a patron in danger should call at once (911 in the US). */
  emergencyNumber?: string;
  /** The suicide and crisis line (988 in the US). */
  crisisLine?: string;
  /** Where someone with nowhere safe to sleep tonight is sent (US default 211). */
  shelterLine?: string;
}

/** Whether anyone can answer a patron right now: staff answer when any branch is open. */
export interface StaffAvailability {
  available: boolean;
  /** Branches open at that instant. */
  openBranchIds: string[];
  /** When not available: the next instant any branch opens. */
  nextAvailableAt?: Date;
}

/** What the router needs beyond the basic port: week views, next opening, staff hours, date words. */
export interface LibraryCalendarWithHelpers extends LibraryCalendar {
  library(): LibraryInfo;
  /** The next instant the branch opens strictly after `after` (undefined if not within ~8 weeks). */
  nextOpening(branchId: string, after: Date): Date | undefined;
  /** Seven consecutive days of hours starting at the local date `fromDate` (YYYY-MM-DD). */
  weekHours(branchId: string, fromDate: string): DayHours[];
  staffAvailableAt(instant: Date): StaffAvailability;
  /** The local date (YYYY-MM-DD) of an instant in the library's time zone. */
  localDate(instant: Date): string;
  /** "tomorrow", "sábado", "Dec 24", "next monday" → YYYY-MM-DD in the library's time zone. */
  resolveDay(text: string, now: Date): string | undefined;
}
