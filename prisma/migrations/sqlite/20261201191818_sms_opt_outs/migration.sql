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

-- CreateIndex
CREATE INDEX "SmsKeywordMessage_receivedAt_idx" ON "SmsKeywordMessage"("receivedAt");
