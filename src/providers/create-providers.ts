import type { ProviderConfig } from '../config/schema.js';
import { createExtractiveProvider } from './extractive/provider.js';
import { createLlamaCppProvider } from './llama-cpp/provider.js';
import {
  createOpenAICompatibleProvider,
  type OpenAICompatibleProviderOptions,
} from './openai-compatible/provider.js';
import type { ModelProvider } from './spec.js';

/** The provider factory: one entry per `type` a configuration may name. */
export function createProviders(
  configs: ProviderConfig[],
  options: OpenAICompatibleProviderOptions = {},
): Map<string, ModelProvider> {
  const providers = new Map<string, ModelProvider>();
  for (const config of configs) {
    switch (config.type) {
      case 'openai-compatible':
        providers.set(config.id, createOpenAICompatibleProvider(config, options));
        break;
      case 'extractive':
        providers.set(config.id, createExtractiveProvider(config.id));
        break;
      case 'llama-cpp':
        providers.set(config.id, createLlamaCppProvider(config));
        break;
    }
  }
  return providers;
}
