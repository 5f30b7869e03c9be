-- AlterTable
ALTER TABLE "Inquiry" ADD COLUMN "deliveryQueuedAt" DATETIME;
ALTER TABLE "Inquiry" ADD COLUMN "meta" TEXT;
ALTER TABLE "Inquiry" ADD COLUMN "topic" TEXT;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "closedAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "firstResponseAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "firstResponseDueAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "openAssetKey" TEXT;
ALTER TABLE "Ticket" ADD COLUMN "readScale" INTEGER;
ALTER TABLE "Ticket" ADD COLUMN "resolutionDueAt" DATETIME;

-- AlterTable
ALTER TABLE "TicketEvent" ADD COLUMN "origin" TEXT;
ALTER TABLE "TicketEvent" ADD COLUMN "replyId" TEXT;

-- CreateTable
CREATE TABLE "OutboxEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "options" TEXT,
    "runAt" DATETIME NOT NULL,
    "relayAttempts" INTEGER NOT NULL DEFAULT 0,
    "nextRelayAt" DATETIME NOT NULL,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TicketThread" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ticketId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageTs" TEXT,
    "threadId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StaffChannelEvent" (
    "platform" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "payload" TEXT,
    "status" TEXT NOT NULL DEFAULT 'received',
    "error" TEXT,
    "receivedAt" DATETIME NOT NULL,
    "processedAt" DATETIME,

    PRIMARY KEY ("platform", "eventId")
);

-- CreateTable
CREATE TABLE "Patron" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cardHash" TEXT NOT NULL,
    "cardLast4" TEXT NOT NULL,
    "pinHash" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "preferredChannel" TEXT,
    "homeBranchId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "blocked" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Loan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patronId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "checkedOutAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "renewals" INTEGER NOT NULL DEFAULT 0,
    "returnedAt" DATETIME,
    "dueNoticeAt" DATETIME,
    CONSTRAINT "Loan_patronId_fkey" FOREIGN KEY ("patronId") REFERENCES "Patron" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Hold" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patronId" TEXT NOT NULL,
    "bibId" TEXT NOT NULL,
    "pickupBranchId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'waiting',
    "itemId" TEXT,
    "placedAt" DATETIME NOT NULL,
    "readyAt" DATETIME,
    "pickupBy" DATETIME,
    "readyNoticeAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Hold_patronId_fkey" FOREIGN KEY ("patronId") REFERENCES "Patron" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Fine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patronId" TEXT NOT NULL,
    "loanId" TEXT,
    "amountCents" INTEGER NOT NULL,
    "paidCents" INTEGER NOT NULL DEFAULT 0,
    "description" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Fine_patronId_fkey" FOREIGN KEY ("patronId") REFERENCES "Patron" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CirculationRule" (
    "format" TEXT NOT NULL PRIMARY KEY,
    "loanDays" INTEGER NOT NULL,
    "renewalLimit" INTEGER NOT NULL,
    "holdable" BOOLEAN NOT NULL DEFAULT true
);

-- CreateTable
CREATE TABLE "PatronContact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "addressHash" TEXT NOT NULL,
    "patronId" TEXT NOT NULL,
    "ilsDriver" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "verifiedAt" DATETIME NOT NULL,
    "trustedUntil" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "VerificationCode" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "patronId" TEXT NOT NULL,
    "ilsDriver" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "VerificationLock" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MailboxCursor" (
    "mailbox" TEXT NOT NULL PRIMARY KEY,
    "uidValidity" BIGINT NOT NULL,
    "lastUid" BIGINT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MailboxLease" (
    "mailbox" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StaffMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'staff',
    "tokenHash" TEXT NOT NULL,
    "slackUserId" TEXT,
    "discordUserId" TEXT,
    "passwordHash" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" DATETIME
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" DATETIME
);

-- CreateTable
CREATE TABLE "StaffSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "staffId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WebChatSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "endedAt" DATETIME
);

-- CreateTable
CREATE TABLE "SmsOptOut" (
    "address" TEXT NOT NULL PRIMARY KEY,
    "optedOutAt" DATETIME NOT NULL,
    "messageSid" TEXT
);

-- CreateTable
CREATE TABLE "SmsKeywordMessage" (
    "messageSid" TEXT NOT NULL PRIMARY KEY,
    "address" TEXT,
    "keyword" TEXT NOT NULL,
    "text" TEXT,
    "receivedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "InquiryDayStat" (
    "day" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "intent" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("day", "channel", "intent", "outcome")
);

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
CREATE TABLE "new_Reply" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "inquiryId" TEXT,
    "channel" TEXT NOT NULL,
    "text" TEXT,
    "extras" TEXT,
    "author" TEXT NOT NULL DEFAULT 'assistant',
    "ticketId" INTEGER,
    "externalId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" DATETIME,
    "kind" TEXT NOT NULL DEFAULT 'assistant',
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "origin" TEXT,
    "deliveryStatus" TEXT,
    "deliveryError" TEXT,
    CONSTRAINT "Reply_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Reply_inquiryId_fkey" FOREIGN KEY ("inquiryId") REFERENCES "Inquiry" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Reply" ("author", "channel", "conversationId", "createdAt", "deliveredAt", "externalId", "extras", "id", "inquiryId", "text", "ticketId") SELECT "author", "channel", "conversationId", "createdAt", "deliveredAt", "externalId", "extras", "id", "inquiryId", "text", "ticketId" FROM "Reply";
DROP TABLE "Reply";
ALTER TABLE "new_Reply" RENAME TO "Reply";
CREATE INDEX "Reply_conversationId_createdAt_idx" ON "Reply"("conversationId", "createdAt");
CREATE INDEX "Reply_ticketId_idx" ON "Reply"("ticketId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "OutboxEntry_nextRelayAt_idx" ON "OutboxEntry"("nextRelayAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEntry_name_jobId_key" ON "OutboxEntry"("name", "jobId");

-- CreateIndex
CREATE INDEX "TicketThread_platform_threadId_idx" ON "TicketThread"("platform", "threadId");

-- CreateIndex
CREATE UNIQUE INDEX "TicketThread_ticketId_platform_key" ON "TicketThread"("ticketId", "platform");

-- CreateIndex
CREATE INDEX "StaffChannelEvent_receivedAt_idx" ON "StaffChannelEvent"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Patron_cardHash_key" ON "Patron"("cardHash");

-- CreateIndex
CREATE INDEX "Loan_patronId_returnedAt_idx" ON "Loan"("patronId", "returnedAt");

-- CreateIndex
CREATE INDEX "Loan_returnedAt_dueAt_idx" ON "Loan"("returnedAt", "dueAt");

-- CreateIndex
CREATE INDEX "Loan_itemId_returnedAt_idx" ON "Loan"("itemId", "returnedAt");

-- CreateIndex
CREATE INDEX "Hold_bibId_status_placedAt_idx" ON "Hold"("bibId", "status", "placedAt");

-- CreateIndex
CREATE INDEX "Hold_patronId_status_idx" ON "Hold"("patronId", "status");

-- CreateIndex
CREATE INDEX "Fine_patronId_idx" ON "Fine"("patronId");

-- CreateIndex
CREATE INDEX "PatronContact_patronId_idx" ON "PatronContact"("patronId");

-- CreateIndex
CREATE UNIQUE INDEX "PatronContact_channel_addressHash_key" ON "PatronContact"("channel", "addressHash");

-- CreateIndex
CREATE UNIQUE INDEX "StaffMember_name_key" ON "StaffMember"("name");

-- CreateIndex
CREATE UNIQUE INDEX "StaffMember_tokenHash_key" ON "StaffMember"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "StaffMember_slackUserId_key" ON "StaffMember"("slackUserId");

-- CreateIndex
CREATE UNIQUE INDEX "StaffMember_discordUserId_key" ON "StaffMember"("discordUserId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_name_key" ON "ApiKey"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "StaffSession_staffId_idx" ON "StaffSession"("staffId");

-- CreateIndex
CREATE INDEX "StaffSession_expiresAt_idx" ON "StaffSession"("expiresAt");

-- CreateIndex
CREATE INDEX "SmsKeywordMessage_receivedAt_idx" ON "SmsKeywordMessage"("receivedAt");

-- CreateIndex
CREATE INDEX "Inquiry_status_receivedAt_idx" ON "Inquiry"("status", "receivedAt");

-- Backfill: the newest unresolved ticket of each device holds its open-device key, and the old single SLA
-- time was the first-response promise.
UPDATE "Ticket" SET "openAssetKey" = "assetTag"
WHERE "kind" = 'equipment' AND "assetTag" IS NOT NULL AND "status" <> 'resolved'
  AND "id" = (SELECT MAX(t2."id") FROM "Ticket" t2 WHERE t2."assetTag" = "Ticket"."assetTag" AND t2."kind" = 'equipment' AND t2."status" <> 'resolved');
UPDATE "Ticket" SET "firstResponseDueAt" = "slaDueAt" WHERE "slaDueAt" IS NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_openAssetKey_key" ON "Ticket"("openAssetKey");

-- CreateIndex
CREATE INDEX "Ticket_conversationId_status_idx" ON "Ticket"("conversationId", "status");

-- CreateIndex
CREATE INDEX "Ticket_slaDueAt_idx" ON "Ticket"("slaDueAt");

