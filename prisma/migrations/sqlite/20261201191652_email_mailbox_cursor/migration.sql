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
CREATE TABLE "VerificationLock" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

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
