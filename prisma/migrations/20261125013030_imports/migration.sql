-- CreateTable
CREATE TABLE "imports" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "format" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "file_size" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "progress" REAL NOT NULL DEFAULT 0,
    "account_id" INTEGER,
    "utc_offset_minutes" INTEGER,
    "mapping" TEXT,
    "preview" TEXT,
    "result" TEXT,
    "error" TEXT,
    "file_path" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" DATETIME,
    CONSTRAINT "imports_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_balance_operations" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "account_id" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "amount" REAL NOT NULL,
    "time" BIGINT NOT NULL,
    "ticket" BIGINT,
    "comment" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "import_id" INTEGER,
    CONSTRAINT "balance_operations_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "balance_operations_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "imports" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_balance_operations" ("account_id", "amount", "comment", "created_at", "id", "ticket", "time", "type") SELECT "account_id", "amount", "comment", "created_at", "id", "ticket", "time", "type" FROM "balance_operations";
DROP TABLE "balance_operations";
ALTER TABLE "new_balance_operations" RENAME TO "balance_operations";
CREATE INDEX "balance_operations_import_id_idx" ON "balance_operations"("import_id");
CREATE INDEX "balance_operations_account_id_time_idx" ON "balance_operations"("account_id", "time");
CREATE UNIQUE INDEX "balance_operations_account_id_ticket_key" ON "balance_operations"("account_id", "ticket");
CREATE TABLE "new_trades" (
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
    "initial_stop_loss" REAL,
    "initial_take_profit" REAL,
    "profit" REAL NOT NULL,
    "commission" REAL,
    "entry_commission" REAL,
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
    "note" TEXT,
    "import_id" INTEGER,
    "confirmed_by_ea" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "trades_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "trades_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "imports" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_trades" ("account_id", "close_time", "comment", "commission", "created_at", "deal_ticket", "duration_seconds", "entry_commission", "entry_price", "exit_price", "fee", "id", "initial_stop_loss", "initial_take_profit", "lot_size", "magic_number", "net_profit", "note", "open_time", "order_ticket", "position_reason", "position_ticket", "position_type", "profit", "side", "source", "stop_loss", "swap", "symbol", "take_profit", "utc_offset_minutes") SELECT "account_id", "close_time", "comment", "commission", "created_at", "deal_ticket", "duration_seconds", "entry_commission", "entry_price", "exit_price", "fee", "id", "initial_stop_loss", "initial_take_profit", "lot_size", "magic_number", "net_profit", "note", "open_time", "order_ticket", "position_reason", "position_ticket", "position_type", "profit", "side", "source", "stop_loss", "swap", "symbol", "take_profit", "utc_offset_minutes" FROM "trades";
DROP TABLE "trades";
ALTER TABLE "new_trades" RENAME TO "trades";
CREATE INDEX "trades_close_time_account_id_deal_ticket_idx" ON "trades"("close_time", "account_id", "deal_ticket");
CREATE INDEX "trades_account_id_close_time_deal_ticket_idx" ON "trades"("account_id", "close_time", "deal_ticket");
CREATE INDEX "trades_symbol_close_time_account_id_deal_ticket_idx" ON "trades"("symbol", "close_time", "account_id", "deal_ticket");
CREATE INDEX "trades_magic_number_close_time_account_id_deal_ticket_idx" ON "trades"("magic_number", "close_time", "account_id", "deal_ticket");
CREATE INDEX "trades_position_ticket_idx" ON "trades"("position_ticket");
CREATE INDEX "trades_order_ticket_idx" ON "trades"("order_ticket");
CREATE INDEX "trades_import_id_idx" ON "trades"("import_id");
CREATE UNIQUE INDEX "trades_deal_ticket_account_id_key" ON "trades"("deal_ticket", "account_id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "imports_created_at_idx" ON "imports"("created_at");
