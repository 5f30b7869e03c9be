-- AlterTable
ALTER TABLE "Inquiry" ADD COLUMN "topic" TEXT;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "readScale" INTEGER;

-- CreateTable
CREATE TABLE "InquiryDayStat" (
    "day" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "intent" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("day", "channel", "intent", "outcome")
);
