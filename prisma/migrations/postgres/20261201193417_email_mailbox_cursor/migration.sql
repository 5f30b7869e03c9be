-- AlterTable
ALTER TABLE "BibRecord" ADD COLUMN     "alternateTitles" TEXT NOT NULL DEFAULT '[]';

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

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_patronId_fkey" FOREIGN KEY ("patronId") REFERENCES "Patron"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hold" ADD CONSTRAINT "Hold_patronId_fkey" FOREIGN KEY ("patronId") REFERENCES "Patron"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fine" ADD CONSTRAINT "Fine_patronId_fkey" FOREIGN KEY ("patronId") REFERENCES "Patron"("id") ON DELETE CASCADE ON UPDATE CASCADE;
