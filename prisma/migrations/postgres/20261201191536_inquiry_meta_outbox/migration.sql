-- AlterTable
ALTER TABLE "Inquiry" ADD COLUMN     "deliveryQueuedAt" TIMESTAMP(3),
ADD COLUMN     "meta" TEXT;

-- CreateTable
CREATE TABLE "OutboxEntry" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "options" TEXT,
    "runAt" TIMESTAMP(3) NOT NULL,
    "relayAttempts" INTEGER NOT NULL DEFAULT 0,
    "nextRelayAt" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutboxEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxEntry_nextRelayAt_idx" ON "OutboxEntry"("nextRelayAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEntry_name_jobId_key" ON "OutboxEntry"("name", "jobId");

-- CreateIndex
CREATE INDEX "Inquiry_status_receivedAt_idx" ON "Inquiry"("status", "receivedAt");
