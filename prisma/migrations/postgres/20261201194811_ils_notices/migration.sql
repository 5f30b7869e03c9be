-- AlterTable
ALTER TABLE "Hold" ADD COLUMN     "readyNoticeAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Loan" ADD COLUMN     "dueNoticeAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Loan_returnedAt_dueAt_idx" ON "Loan"("returnedAt", "dueAt");
