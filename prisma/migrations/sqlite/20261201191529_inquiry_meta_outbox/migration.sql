-- AlterTable
ALTER TABLE "Inquiry" ADD COLUMN "deliveryQueuedAt" DATETIME;
ALTER TABLE "Inquiry" ADD COLUMN "meta" TEXT;

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

-- CreateIndex
CREATE INDEX "OutboxEntry_nextRelayAt_idx" ON "OutboxEntry"("nextRelayAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEntry_name_jobId_key" ON "OutboxEntry"("name", "jobId");

-- CreateIndex
CREATE INDEX "Inquiry_status_receivedAt_idx" ON "Inquiry"("status", "receivedAt");
