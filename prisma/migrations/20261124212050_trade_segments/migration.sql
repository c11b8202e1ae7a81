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
    "stale" BOOLEAN NOT NULL DEFAULT false,
    "groups_stale" BOOLEAN NOT NULL DEFAULT true,

    PRIMARY KEY ("kind", "key", "currency", "day")
);

-- CreateTable
CREATE TABLE "segment_groups" (
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "dimension" TEXT NOT NULL,
    "group_key" TEXT NOT NULL,
    "trades" INTEGER NOT NULL,
    "wins" INTEGER NOT NULL,
    "losses" INTEGER NOT NULL,
    "breakevens" INTEGER NOT NULL,
    "gross_profit" REAL NOT NULL,
    "gross_loss" REAL NOT NULL,
    "net_profit" REAL NOT NULL,
    "duration_seconds" REAL NOT NULL,
    "duration_count" INTEGER NOT NULL,

    PRIMARY KEY ("kind", "key", "dimension", "day", "currency", "group_key")
);

-- CreateIndex
CREATE INDEX "trade_segments_stale_idx" ON "trade_segments"("stale");
