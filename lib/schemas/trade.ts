import { z } from "zod";
import {
  accountFields,
  brokerTime,
  checkAccountFields,
  money,
  positionReasons,
  positionTypes,
  price,
  ticket,
} from "@/lib/schemas/fields";

/**
 * One closed trade (one exit deal) as POSTed by an EA. The first 14 keys are the legacy bridge
 * EA's payload, accepted byte for byte; the rest are the extended payload of our own EA.
 * Unknown keys are rejected so a misspelt field is an error, not silently lost data.
 */
export const createTradeBody = z
  .strictObject({
    symbol: z.string().trim().min(1).max(64).meta({ examples: ["EURUSD"] }),
    order_ticket: ticket.nullish(),
    deal_ticket: ticket.min(1),
    position_ticket: ticket.nullish(),
    position_type: z.enum(positionTypes).meta({
      description: "As sent. The legacy EA sends the exit deal's direction (the opposite of the position's side).",
    }),
    position_reason: z.enum(positionReasons).nullish(),
    lot_size: z.number().gt(0).max(1e6),
    entry_price: price.nullish().meta({ description: "0 means unknown" }),
    stop_loss: price.nullish().meta({ description: "0 means none" }),
    take_profit: price.nullish().meta({ description: "0 means none" }),
    profit: money.meta({ description: "Gross profit of this exit deal (no commission, swap or fee)" }),
    open_time: brokerTime.nullish().meta({ description: '"1970.01.01 00:00:00" means unknown' }),
    close_time: brokerTime,
    magic_number: ticket.nullish().meta({ description: "0 = manual trade" }),
    // Extended payload
    exit_price: price.nullish(),
    commission: money.nullish(),
    swap: money.nullish(),
    fee: money.nullish(),
    comment: z.string().max(255).nullish(),
    utc_offset_minutes: z.int().min(-14 * 60).max(14 * 60).nullish().meta({
      description: "Broker time minus UTC, a hint only; an ISO time's offset fills it too",
    }),
    ...accountFields,
  })
  .superRefine((trade, ctx) => {
    checkAccountFields(trade, ctx);
    const open = trade.open_time;
    // 1970.01.01 00:00:00 is the legacy EA's "opening deal not found".
    if (open && open.seconds > 0 && trade.close_time && open.seconds > trade.close_time.seconds) {
      ctx.addIssue({ code: "custom", path: ["open_time"], message: "must not be after close_time" });
    }
    const offsets = [trade.utc_offset_minutes, trade.close_time?.utcOffsetMinutes, open?.utcOffsetMinutes];
    const given = new Set(offsets.filter((offset) => offset != null));
    if (given.size > 1) {
      ctx.addIssue({
        code: "custom",
        path: ["utc_offset_minutes"],
        message: "utc_offset_minutes and the offsets of open_time and close_time disagree",
      });
    }
  });

export type CreateTradeBody = z.infer<typeof createTradeBody>;

export const maxBatchSize = 1000;

/** The batch envelope; each item is validated on its own so one bad item does not sink the rest. */
export const createTradeBatchBody = z
  .strictObject({
    trades: z.array(z.unknown()).min(1).max(maxBatchSize).meta({
      description: `1 to ${maxBatchSize} trades, each a CreateTradeBody`,
    }),
  });
