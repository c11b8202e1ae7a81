-- CreateTable
CREATE TABLE "balance_operations" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "account_id" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "amount" REAL NOT NULL,
    "time" BIGINT NOT NULL,
    "ticket" BIGINT,
    "comment" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "balance_operations_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "balance_operations_account_id_time_idx" ON "balance_operations"("account_id", "time");

-- CreateIndex
CREATE UNIQUE INDEX "balance_operations_account_id_ticket_key" ON "balance_operations"("account_id", "ticket");
