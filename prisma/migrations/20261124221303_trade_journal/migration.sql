-- AlterTable
ALTER TABLE "trades" ADD COLUMN "note" TEXT;

-- CreateTable
CREATE TABLE "trade_tags" (
    "trade_id" INTEGER NOT NULL,
    "tag" TEXT NOT NULL,

    PRIMARY KEY ("trade_id", "tag"),
    CONSTRAINT "trade_tags_trade_id_fkey" FOREIGN KEY ("trade_id") REFERENCES "trades" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "trade_tags_tag_trade_id_idx" ON "trade_tags"("tag", "trade_id");
