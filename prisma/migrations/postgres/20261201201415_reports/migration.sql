/*
  Warnings:

  - You are about to drop the column `csrfSecret` on the `StaffSession` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "Inquiry" ADD COLUMN     "topic" TEXT;

-- AlterTable
ALTER TABLE "StaffSession" DROP COLUMN "csrfSecret";

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "readScale" INTEGER;

-- CreateTable
CREATE TABLE "InquiryDayStat" (
    "day" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "intent" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "InquiryDayStat_pkey" PRIMARY KEY ("day","channel","intent","outcome")
);
