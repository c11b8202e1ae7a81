/** The legacy bridge EA's payload, exactly as it sends it (as text: note 0.10 and 40.00). */
export const legacyPayloadText =
  '{"symbol":"EURUSD","order_ticket":1001,"deal_ticket":2001,"position_ticket":3001,"position_type":"SELL",' +
  '"position_reason":"TAKE_PROFIT","lot_size":0.10,"entry_price":1.08345,"stop_loss":0,"take_profit":1.08745,' +
  '"profit":40.00,"open_time":"2026.01.02 10:11:12","close_time":"2026.01.02 14:00:00","magic_number":12345}';

/**
 * What our EA sends beyond the legacy fixture for the same deal: the position's side, the exit
 * price, the stop at close (moved to breakeven), the opening deal's SL/TP (no TP), the total
 * commission and its entry part.
 */
export const ourEaFields = {
  position_type: "BUY",
  exit_price: 1.08745,
  stop_loss: 1.08345,
  initial_stop_loss: 1.08045,
  initial_take_profit: 0,
  commission: -7,
  entry_commission: -3.5,
};

const legacyKeys = new Set(Object.keys(JSON.parse(legacyPayloadText) as object));

/** A payload of our EA cut down to the legacy bridge EA's 14 keys, as the old EA sends the same deal. */
export function toLegacyKeys(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).filter(([key]) => legacyKeys.has(key)));
}
