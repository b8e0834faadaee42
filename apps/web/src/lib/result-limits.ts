/**
 * How many results the latency chart plots: the most the API hands out at once. The checks
 * API fetches this many and the live stream trims the cached list to it, so they share it.
 */
export const CHART_RESULTS = 500;
