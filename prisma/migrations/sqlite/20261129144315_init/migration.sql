-- CreateTable
CREATE TABLE "Conversation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "threadKey" TEXT NOT NULL,
    "address" TEXT,
    "language" TEXT,
    "dialogState" TEXT,
    "dialogExpiresAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Inquiry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "externalId" TEXT,
    "text" TEXT,
    "receivedAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'received',
    "intent" TEXT,
    "confidence" REAL,
    "outcome" TEXT,
    "ticketId" INTEGER,
    "answeredAt" DATETIME,
    "error" TEXT,
    CONSTRAINT "Inquiry_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Reply" (
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
    CONSTRAINT "Reply_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Reply_inquiryId_fkey" FOREIGN KEY ("inquiryId") REFERENCES "Inquiry" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "priority" TEXT NOT NULL DEFAULT 'normal',
    "subject" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "intent" TEXT,
    "assetTag" TEXT,
    "branchId" TEXT,
    "requesterChannel" TEXT NOT NULL,
    "requesterAddress" TEXT,
    "requesterThread" TEXT NOT NULL,
    "conversationId" TEXT,
    "inquiryId" TEXT,
    "claimedBy" TEXT,
    "claimedAt" DATETIME,
    "slaDueAt" DATETIME,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TicketEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ticketId" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "body" TEXT,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TicketEvent_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Asset" (
    "tag" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "branchId" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "floor" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'waiting',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "runAt" DATETIME NOT NULL,
    "lockedUntil" DATETIME,
    "lockedBy" TEXT,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "BibRecord" (
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

-- CreateTable
CREATE TABLE "Item" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "barcode" TEXT,
    "bibId" TEXT NOT NULL,
    "branchId" TEXT NOT NULL,
    "location" TEXT,
    "callNumber" TEXT,
    "status" TEXT NOT NULL DEFAULT 'available',
    "dueAt" DATETIME,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Item_bibId_fkey" FOREIGN KEY ("bibId") REFERENCES "BibRecord" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Conversation_channel_threadKey_key" ON "Conversation"("channel", "threadKey");

-- CreateIndex
CREATE INDEX "Inquiry_receivedAt_idx" ON "Inquiry"("receivedAt");

-- CreateIndex
CREATE INDEX "Inquiry_conversationId_receivedAt_idx" ON "Inquiry"("conversationId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Inquiry_channel_externalId_key" ON "Inquiry"("channel", "externalId");

-- CreateIndex
CREATE INDEX "Reply_conversationId_createdAt_idx" ON "Reply"("conversationId", "createdAt");

-- CreateIndex
CREATE INDEX "Ticket_status_createdAt_idx" ON "Ticket"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Ticket_assetTag_status_idx" ON "Ticket"("assetTag", "status");

-- CreateIndex
CREATE INDEX "TicketEvent_ticketId_createdAt_idx" ON "TicketEvent"("ticketId", "createdAt");

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE INDEX "BibRecord_callNumberSort_idx" ON "BibRecord"("callNumberSort");

-- CreateIndex
CREATE INDEX "Item_bibId_idx" ON "Item"("bibId");

-- CreateIndex
CREATE INDEX "Item_branchId_status_idx" ON "Item"("branchId", "status");
