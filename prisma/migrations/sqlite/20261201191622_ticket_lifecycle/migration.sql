-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "closedAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "firstResponseAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "firstResponseDueAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "openAssetKey" TEXT;
ALTER TABLE "Ticket" ADD COLUMN "resolutionDueAt" DATETIME;

-- AlterTable
ALTER TABLE "TicketEvent" ADD COLUMN "origin" TEXT;
ALTER TABLE "TicketEvent" ADD COLUMN "replyId" TEXT;

-- AlterTable
ALTER TABLE "Reply" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'assistant';
ALTER TABLE "Reply" ADD COLUMN "internal" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Reply" ADD COLUMN "origin" TEXT;
ALTER TABLE "Reply" ADD COLUMN "deliveryStatus" TEXT;
ALTER TABLE "Reply" ADD COLUMN "deliveryError" TEXT;

-- Backfill: the newest unresolved ticket of each device holds its open-device key, and the old single SLA
-- time was the first-response promise.
UPDATE "Ticket" SET "openAssetKey" = "assetTag"
WHERE "kind" = 'equipment' AND "assetTag" IS NOT NULL AND "status" <> 'resolved'
  AND "id" = (SELECT MAX(t2."id") FROM "Ticket" t2 WHERE t2."assetTag" = "Ticket"."assetTag" AND t2."kind" = 'equipment' AND t2."status" <> 'resolved');
UPDATE "Ticket" SET "firstResponseDueAt" = "slaDueAt" WHERE "slaDueAt" IS NOT NULL;

-- CreateIndex
CREATE INDEX "Reply_ticketId_idx" ON "Reply"("ticketId");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_openAssetKey_key" ON "Ticket"("openAssetKey");

-- CreateIndex
CREATE INDEX "Ticket_conversationId_status_idx" ON "Ticket"("conversationId", "status");

-- CreateIndex
CREATE INDEX "Ticket_slaDueAt_idx" ON "Ticket"("slaDueAt");
