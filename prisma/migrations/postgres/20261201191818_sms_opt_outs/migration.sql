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

-- CreateIndex
CREATE INDEX "SmsKeywordMessage_receivedAt_idx" ON "SmsKeywordMessage"("receivedAt");
