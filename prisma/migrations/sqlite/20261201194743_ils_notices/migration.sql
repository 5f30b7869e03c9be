-- AlterTable
ALTER TABLE "Hold" ADD COLUMN "readyNoticeAt" DATETIME;

-- AlterTable
ALTER TABLE "Loan" ADD COLUMN "dueNoticeAt" DATETIME;

-- CreateIndex
CREATE INDEX "Loan_returnedAt_dueAt_idx" ON "Loan"("returnedAt", "dueAt");
