-- AlterTable
ALTER TABLE "BibRecord" ADD COLUMN     "alternateTitles" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Inquiry" ADD COLUMN     "deliveryQueuedAt" TIMESTAMP(3),
ADD COLUMN     "meta" TEXT,
ADD COLUMN     "topic" TEXT;

-- AlterTable
ALTER TABLE "Reply" ADD COLUMN     "deliveryError" TEXT,
ADD COLUMN     "deliveryStatus" TEXT,
ADD COLUMN     "internal" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'assistant',
ADD COLUMN     "origin" TEXT;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "firstResponseAt" TIMESTAMP(3),
ADD COLUMN     "firstResponseDueAt" TIMESTAMP(3),
ADD COLUMN     "openAssetKey" TEXT,
ADD COLUMN     "readScale" INTEGER,
ADD COLUMN     "resolutionDueAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "TicketEvent" ADD COLUMN     "origin" TEXT,
ADD COLUMN     "replyId" TEXT;

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

-- CreateTable
CREATE TABLE "TicketThread" (
    "id" TEXT NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageTs" TEXT,
    "threadId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TicketThread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffChannelEvent" (
    "platform" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "payload" TEXT,
    "status" TEXT NOT NULL DEFAULT 'received',
    "error" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "StaffChannelEvent_pkey" PRIMARY KEY ("platform","eventId")
);

-- CreateTable
CREATE TABLE "Patron" (
    "id" TEXT NOT NULL,
    "cardHash" TEXT NOT NULL,
    "cardLast4" TEXT NOT NULL,
    "pinHash" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "preferredChannel" TEXT,
    "homeBranchId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "blocked" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Patron_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Loan" (
    "id" TEXT NOT NULL,
    "patronId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "checkedOutAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "renewals" INTEGER NOT NULL DEFAULT 0,
    "returnedAt" TIMESTAMP(3),
    "dueNoticeAt" TIMESTAMP(3),

    CONSTRAINT "Loan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Hold" (
    "id" TEXT NOT NULL,
    "patronId" TEXT NOT NULL,
    "bibId" TEXT NOT NULL,
    "pickupBranchId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'waiting',
    "itemId" TEXT,
    "placedAt" TIMESTAMP(3) NOT NULL,
    "readyAt" TIMESTAMP(3),
    "pickupBy" TIMESTAMP(3),
    "readyNoticeAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Hold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Fine" (
    "id" TEXT NOT NULL,
    "patronId" TEXT NOT NULL,
    "loanId" TEXT,
    "amountCents" INTEGER NOT NULL,
    "paidCents" INTEGER NOT NULL DEFAULT 0,
    "description" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Fine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CirculationRule" (
    "format" TEXT NOT NULL,
    "loanDays" INTEGER NOT NULL,
    "renewalLimit" INTEGER NOT NULL,
    "holdable" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "CirculationRule_pkey" PRIMARY KEY ("format")
);

-- CreateTable
CREATE TABLE "PatronContact" (
    "id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "addressHash" TEXT NOT NULL,
    "patronId" TEXT NOT NULL,
    "ilsDriver" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "verifiedAt" TIMESTAMP(3) NOT NULL,
    "trustedUntil" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PatronContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationCode" (
    "key" TEXT NOT NULL,
    "patronId" TEXT NOT NULL,
    "ilsDriver" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VerificationCode_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "VerificationLock" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VerificationLock_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "MailboxCursor" (
    "mailbox" TEXT NOT NULL,
    "uidValidity" BIGINT NOT NULL,
    "lastUid" BIGINT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MailboxCursor_pkey" PRIMARY KEY ("mailbox")
);

-- CreateTable
CREATE TABLE "MailboxLease" (
    "mailbox" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MailboxLease_pkey" PRIMARY KEY ("mailbox")
);

-- CreateTable
CREATE TABLE "StaffMember" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'staff',
    "tokenHash" TEXT NOT NULL,
    "slackUserId" TEXT,
    "discordUserId" TEXT,
    "passwordHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMP(3),

    CONSTRAINT "StaffMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffSession" (
    "id" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebChatSession" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "WebChatSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmsOptOut" (
    "address" TEXT NOT NULL,
    "optedOutAt" TIMESTAMP(3) NOT NULL,
    "messageSid" TEXT,

    CONSTRAINT "SmsOptOut_pkey" PRIMARY KEY ("address")
);

-- CreateTable
CREATE TABLE "SmsKeywordMessage" (
    "messageSid" TEXT NOT NULL,
    "address" TEXT,
    "keyword" TEXT NOT NULL,
    "text" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SmsKeywordMessage_pkey" PRIMARY KEY ("messageSid")
);

-- CreateTable
CREATE TABLE "InquiryDayStat" (
    "day" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "intent" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "InquiryDayStat_pkey" PRIMARY KEY ("day","channel","intent","outcome")
);

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

-- CreateIndex
CREATE INDEX "Reply_ticketId_idx" ON "Reply"("ticketId");

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

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_patronId_fkey" FOREIGN KEY ("patronId") REFERENCES "Patron"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hold" ADD CONSTRAINT "Hold_patronId_fkey" FOREIGN KEY ("patronId") REFERENCES "Patron"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fine" ADD CONSTRAINT "Fine_patronId_fkey" FOREIGN KEY ("patronId") REFERENCES "Patron"("id") ON DELETE CASCADE ON UPDATE CASCADE;

