-- CreateTable
CREATE TABLE "strategies" (
    "account_id" INTEGER NOT NULL,
    "magic_number" BIGINT NOT NULL,
    "name" TEXT NOT NULL,
    "updated_at" DATETIME NOT NULL,

    PRIMARY KEY ("account_id", "magic_number"),
    CONSTRAINT "strategies_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
