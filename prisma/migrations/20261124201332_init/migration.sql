-- CreateTable
CREATE TABLE "accounts" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "login" BIGINT NOT NULL,
    "server" TEXT NOT NULL,
    "currency" TEXT,
    "name" TEXT,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "trades" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "account_id" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "order_ticket" BIGINT,
    "deal_ticket" BIGINT NOT NULL,
    "position_ticket" BIGINT,
    "position_type" TEXT NOT NULL,
    "side" TEXT,
    "position_reason" TEXT,
    "lot_size" REAL NOT NULL,
    "entry_price" REAL,
    "exit_price" REAL,
    "stop_loss" REAL,
    "take_profit" REAL,
    "profit" REAL NOT NULL,
    "commission" REAL,
    "swap" REAL,
    "fee" REAL,
    "net_profit" REAL NOT NULL,
    "open_time" BIGINT,
    "close_time" BIGINT NOT NULL,
    "duration_seconds" INTEGER,
    "utc_offset_minutes" INTEGER,
    "magic_number" BIGINT,
    "comment" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "trades_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "accounts_login_server_key" ON "accounts"("login", "server");

-- CreateIndex
CREATE INDEX "trades_close_time_account_id_deal_ticket_idx" ON "trades"("close_time", "account_id", "deal_ticket");

-- CreateIndex
CREATE INDEX "trades_account_id_close_time_deal_ticket_idx" ON "trades"("account_id", "close_time", "deal_ticket");

-- CreateIndex
CREATE INDEX "trades_symbol_close_time_account_id_deal_ticket_idx" ON "trades"("symbol", "close_time", "account_id", "deal_ticket");

-- CreateIndex
CREATE INDEX "trades_magic_number_close_time_account_id_deal_ticket_idx" ON "trades"("magic_number", "close_time", "account_id", "deal_ticket");

-- CreateIndex
CREATE INDEX "trades_position_ticket_idx" ON "trades"("position_ticket");

-- CreateIndex
CREATE INDEX "trades_order_ticket_idx" ON "trades"("order_ticket");

-- CreateIndex
CREATE UNIQUE INDEX "trades_deal_ticket_account_id_key" ON "trades"("deal_ticket", "account_id");
