-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_BibRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "controlNumber" TEXT,
    "title" TEXT NOT NULL,
    "subtitle" TEXT,
    "authors" TEXT NOT NULL DEFAULT '[]',
    "subjects" TEXT NOT NULL DEFAULT '[]',
    "isbns" TEXT NOT NULL DEFAULT '[]',
    "publisher" TEXT,
    "year" INTEGER,
    "edition" TEXT,
    "series" TEXT NOT NULL DEFAULT '[]',
    "alternateTitles" TEXT NOT NULL DEFAULT '[]',
    "summary" TEXT,
    "language" TEXT,
    "format" TEXT NOT NULL,
    "deweyCallNumber" TEXT,
    "lcCallNumber" TEXT,
    "callNumberSort" TEXT,
    "source" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_BibRecord" ("authors", "callNumberSort", "controlNumber", "createdAt", "deweyCallNumber", "edition", "format", "id", "isbns", "language", "lcCallNumber", "publisher", "series", "source", "subjects", "subtitle", "summary", "title", "updatedAt", "year") SELECT "authors", "callNumberSort", "controlNumber", "createdAt", "deweyCallNumber", "edition", "format", "id", "isbns", "language", "lcCallNumber", "publisher", "series", "source", "subjects", "subtitle", "summary", "title", "updatedAt", "year" FROM "BibRecord";
DROP TABLE "BibRecord";
ALTER TABLE "new_BibRecord" RENAME TO "BibRecord";
CREATE INDEX "BibRecord_callNumberSort_idx" ON "BibRecord"("callNumberSort");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
