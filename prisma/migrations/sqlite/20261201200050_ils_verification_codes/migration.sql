-- CreateTable
CREATE TABLE "VerificationCode" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "patronId" TEXT NOT NULL,
    "ilsDriver" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL
);
