import type { ModelConfig } from '../config/schema.js';

const JOULES_PER_WH = 3_600;

/**
 * Energy per 1,000 tokens (Wh) estimated from a model's size, when its operator measured none:
 *
 *   Wh / 1k tokens = 1,000 × 2 × N / η / 3,600
 *
 * N is the parameter count; 2·N is the forward pass's floating-point operations per token of a dense transformer
 * (Kaplan et al., "Scaling Laws for Neural Language Models", 2020, §2.1); η is the useful FLOP per joule of the
 * serving hardware (`quota.energy_flops_per_joule`). Its default, 4·10¹⁰, is the order of magnitude of Samsi et al.,
 * "From Words to Watts: Benchmarking the Energy Costs of Large Language Model Inference" (IEEE HPEC 2023), who
 * measured a few joules per token for LLaMA-65B on A100 GPUs: 2 × 65·10⁹ / 4·10¹⁰ ≈ 3.3 J. An 8-billion-parameter
 * model comes out at about 0.11 Wh per 1,000 tokens. It is an estimate of the accelerator's work only; a measured
 * `energy_wh_per_1k_tokens` always wins.
 */
export function estimatedWhPer1kTokens(parametersBillions: number, flopsPerJoule: number): number {
  return (1_000 * 2 * parametersBillions * 1e9) / flopsPerJoule / JOULES_PER_WH;
}

/** The models with an energy figure wherever one can be had: measured, else estimated from their size. */
export function withEnergyEstimates(models: readonly ModelConfig[], flopsPerJoule: number): ModelConfig[] {
  return models.map((model) =>
    model.energy_wh_per_1k_tokens !== undefined || model.parameters_billions === undefined
      ? model
      : {
          ...model,
          energy_wh_per_1k_tokens: estimatedWhPer1kTokens(model.parameters_billions, flopsPerJoule),
        },
  );
}
