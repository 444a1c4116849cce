/**
 * Where the scaling-law fit changes method for large inputs (every checkpoint of every run:
 * 10^4–10^6 rows). Up to LARGE_FIT_ROWS rows the fit is the published method unchanged: L-BFGS from
 * every start on every row (law-fit.ts), intervals from refitting each bootstrap resample
 * (bootstrap.ts). Above it:
 * - the starts are screened on a stratified subsample and only the best few are polished on every
 *   row (law-screen.ts);
 * - each bootstrap resample is refitted by one Newton step from the optimum instead of an L-BFGS run
 *   (one-step-bootstrap.ts), which at these sizes is first-order equivalent.
 *
 * Why 2,000: one objective evaluation costs about 75 ns a row, and the exact method needs about
 * 280,000 of them for 4,500 starts (62 a start on the Chinchilla runs), about n × 20 ms of CPU: 40 s
 * at 2,000 rows, 20 s on two cores, and growing linearly. Data sets of final losses only (one row a
 * run: the 240 Chinchilla runs, or a few hundred to a couple of thousand) stay below it and are fitted
 * exactly as before; checkpoint-level data is well above it.
 */
export const LARGE_FIT_ROWS = 2000;
