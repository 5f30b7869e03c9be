/*
  Warnings:

  - Added the required column `csrfSecret` to the `StaffSession` table without a default value. This is not possible if the table is not empty.

*/
-- AlterTable
ALTER TABLE "StaffSession" ADD COLUMN     "csrfSecret" TEXT NOT NULL;

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
