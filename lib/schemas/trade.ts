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
  utcOffsetMinutes,
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
      description:
        "As sent. Our EA sends the position's real side; the legacy EA sends the exit deal's direction (the opposite of " +
        "the position's side).",
    }),
    position_reason: z.enum(positionReasons).nullish(),
    lot_size: z.number().gt(0).max(1e6),
    entry_price: price.nullish().meta({ description: "0 means unknown" }),
    stop_loss: price.nullish().meta({ description: "At close; 0 means none" }),
    take_profit: price.nullish().meta({ description: "At close; 0 means none" }),
    profit: money.meta({ description: "Gross profit of this exit deal (no commission, swap or fee)" }),
    open_time: brokerTime.nullish().meta({ description: '"1970.01.01 00:00:00" means unknown' }),
    close_time: brokerTime,
    magic_number: ticket.nullish().meta({
      description:
        "0 = manual trade. Our EA sends the opening deal's magic (the strategy), also when the position was closed by " +
        "hand (whose exit deal has magic 0)",
    }),
    // Extended payload
    exit_price: price.nullish(),
    initial_stop_loss: price.nullish().meta({ description: "SL of the opening deal; 0 means none" }),
    initial_take_profit: price.nullish().meta({ description: "TP of the opening deal; 0 means none" }),
    commission: money.nullish().meta({
      description: "The trade's total commission: the exit deal's own plus its share of the entry commission",
    }),
    entry_commission: money.nullish().meta({
      description:
        "The part of `commission` that comes from the position's opening deals (the entry commission split across exits " +
        "by exit volume, the last exit taking the remainder). Needs commission; net_profit does not add it again",
    }),
    swap: money.nullish(),
    fee: money.nullish(),
    comment: z.string().max(255).nullish(),
    utc_offset_minutes: utcOffsetMinutes.nullish().meta({
      description:
        "Broker time minus UTC, a hint only: it fills an empty value but a different one is never a conflict (DST); " +
        "an ISO time's offset fills it too",
    }),
    ...accountFields,
  })
  .superRefine((trade, ctx) => {
    checkAccountFields(trade, ctx);
    // entry_commission is a part of commission, so it cannot come without the whole.
    if (trade.entry_commission != null && trade.commission == null) {
      ctx.addIssue({ code: "custom", path: ["entry_commission"], message: "needs commission" });
    }
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
