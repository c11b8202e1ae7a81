-- CreateTable
CREATE TABLE "trade_segments" (
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "trades" INTEGER NOT NULL,
    "last_close_time" BIGINT NOT NULL,
    "last_account_id" INTEGER NOT NULL,
    "last_deal_ticket" BIGINT NOT NULL,
    "stats" TEXT NOT NULL,

    PRIMARY KEY ("kind", "key", "currency", "day")
);
