/** The observed side of a randomized campaign (and, when simulated, the truth), checked once at the boundary. */

export interface CampaignData {
  /** 1 = promoted (treated), 0 = control. */
  treatment: ArrayLike<number>;
  /** 1 = success, 0 = not. */
  outcome: ArrayLike<number>;
  /** The true lift per row, known only in a simulation. */
  trueEffect?: ArrayLike<number>;
}

/** Throws with what was expected unless the arrays are 0/1, of length `rows`, and both arms are present. */
export function checkCampaign(
  campaign: CampaignData,
  rows: number,
  where: string,
): { treated: number; control: number } {
  const { treatment, outcome, trueEffect } = campaign;
  if (treatment.length !== rows || outcome.length !== rows || (trueEffect && trueEffect.length !== rows)) {
    throw new Error(
      `${where}: treatment, outcome${trueEffect ? ', trueEffect' : ''} must have one value per row (${rows}), got ` +
        `${treatment.length}, ${outcome.length}${trueEffect ? `, ${trueEffect.length}` : ''}`,
    );
  }
  let treated = 0;
  for (let i = 0; i < rows; i++) {
    if (treatment[i] !== 0 && treatment[i] !== 1)
      throw new Error(`${where}: treatment must be 0 or 1, got ${treatment[i]} at row ${i}`);
    if (outcome[i] !== 0 && outcome[i] !== 1)
      throw new Error(`${where}: outcome must be 0 or 1, got ${outcome[i]} at row ${i}`);
    treated += treatment[i];
  }
  if (treated === 0 || treated === rows) {
    throw new Error(`${where}: needs both treated and control rows, got ${treated} treated of ${rows}`);
  }
  return { treated, control: rows - treated };
}
