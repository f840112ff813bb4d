/**
 * The ROC AUC interval every evaluation carries, by one of two methods. DeLong's (the default, as in pROC's
 * ci.auc) is analytic: one walk of the sorted scores, no seed. The seeded percentile bootstrap (./bootstrap)
 * stays for whoever asks for it; on 360k test rows it took 2.5 s, DeLong's a few milliseconds.
 */

/** How an interval was computed: 'delong' (DeLong et al. 1988 variance, normal interval) or 'bootstrap'. */
export type AucIntervalMethod = 'delong' | 'bootstrap';

export interface AucInterval {
  /** The method, so every page and meta file can say which interval it shows. */
  method: AucIntervalMethod;
  /** AUC on all rows. */
  auc: number;
  /** Lower and upper bounds (clipped to [0, 1]). */
  lower: number;
  upper: number;
  level: number;
  /** DeLong: the AUC's standard error. */
  standardError?: number;
  /** Bootstrap: replicates that held both classes (others are skipped: AUC is undefined there). */
  replicates?: number;
}
