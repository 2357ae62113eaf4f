// Probabilities of the events the simulator draws when it moves a contact through a tile.

/** Probabilities per tile visit. Stops and failures end the contact's journey, but blocked emails do not. */
export interface SimulationOdds {
  stop: number;
  genericStop: number;
  failed: number;
  blocked: number;
  hardBounce: number;
  softBounce: number;
  blockBounce: number;
  open: number;
  clickAfterOpen: number;
}

export const defaultOdds: SimulationOdds = {
  stop: 0.02,
  genericStop: 0.002,
  failed: 0.003,
  blocked: 0.06,
  hardBounce: 0.025,
  softBounce: 0.03,
  blockBounce: 0.006,
  open: 0.5,
  clickAfterOpen: 0.38,
};
