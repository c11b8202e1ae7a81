-- AlterTable
ALTER TABLE "trades" ADD COLUMN "entry_commission" REAL;
ALTER TABLE "trades" ADD COLUMN "initial_stop_loss" REAL;
ALTER TABLE "trades" ADD COLUMN "initial_take_profit" REAL;
