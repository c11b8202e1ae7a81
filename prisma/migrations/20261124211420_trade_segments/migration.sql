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
    "groups" TEXT NOT NULL,
    "stale" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("kind", "key", "currency", "day")
);

-- CreateIndex
CREATE INDEX "trade_segments_stale_idx" ON "trade_segments"("stale");
