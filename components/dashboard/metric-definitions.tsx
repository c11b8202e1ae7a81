/** How the dashboard's figures are computed, in the README's words, folded away until asked for. */
export function MetricDefinitions() {
  return (
    <details className="rounded-lg border border-zinc-200 bg-white px-4 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      <summary className="cursor-pointer text-zinc-600 select-none dark:text-zinc-400">Definitions</summary>
      <dl className="mt-2 grid gap-x-6 gap-y-1.5 pb-2 text-xs leading-5 text-zinc-600 sm:grid-cols-2 dark:text-zinc-400">
        <Definition term="Net">
          A trade&apos;s profit + commission + swap + fee (commission is the trade&apos;s whole commission, its share of the entry commission
          included). A win has net &gt; 0, a loss net &lt; 0, a breakeven net = 0.
        </Definition>
        <Definition term="Win rate">Wins / (wins + losses): breakevens count as trades but in neither.</Definition>
        <Definition term="Profit factor">Gross profit / |gross loss| (sums of the winning and losing nets); none without losses.</Definition>
        <Definition term="Expectancy">Net profit / trades: the average net of a trade.</Definition>
        <Definition term="Max drawdown">
          The largest fall of cumulative net from its running peak, trades in close-time order, starting at 0. The % is the fall of the
          time-weighted growth index (MT5&apos;s balance drawdown relative), known for whole accounts with deposits recorded.
        </Definition>
        <Definition term="Gain">
          Time-weighted: each trade moves a growth index by net / balance before it, so deposits, withdrawals and adjustments are neither
          profit nor loss.
        </Definition>
        <Definition term="Balance">
          Deposits, withdrawals and adjustments (MT5&apos;s charges, corrections, bonuses, interest, dividends, taxes) move it; credits do
          not. Adjustments are not net profit and not in the deposit or withdrawal totals: the summary counts them apart.
        </Definition>
        <Definition term="R-multiple">
          On a trade&apos;s page: move from entry to exit / distance from entry to the initial stop loss (the opening deal&apos;s). Without
          an initial stop (older EAs, imports) the stop loss at close is used, and the page says so.
        </Definition>
        <Definition term="Holding time">Close time − open time, over trades whose open time is known.</Definition>
        <Definition term="Times">
          Days, weekdays and hours are of the broker&apos;s clock: the calendar uses the close day, weekday and hour charts the open
          time.
        </Definition>
        <Definition term="Currencies">Money is never added across account currencies: with several, each is shown on its own.</Definition>
      </dl>
    </details>
  );
}

function Definition({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="inline font-medium text-zinc-800 dark:text-zinc-200">{term}: </dt>
      <dd className="inline">{children}</dd>
    </div>
  );
}
