import fc from 'fast-check';

/**
 * Fuzz tests run on a fixed seed so that a CI run is repeatable. ROSTERMEISTER_FUZZ_SEED=random explores
 * new cases, a number replays one; fast-check names the seed in every failure.
 */
const requested = process.env.ROSTERMEISTER_FUZZ_SEED;
export const FUZZ_SEED = requested === 'random' ? Math.floor(Math.random() * 2 ** 31) : requested ? Number(requested) : 20_261_128;

fc.configureGlobal({ seed: FUZZ_SEED });
