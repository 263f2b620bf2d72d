import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type * as NodeLlamaCppModule from 'node-llama-cpp';
import type { ChatHistoryItem, ChatWrapper, LlamaContext, LlamaModel } from 'node-llama-cpp';
import type { LlamaCppProviderConfig } from '../../config/schema.js';
import { engineLoadFailed, engineNotInstalled, modelChecksumMismatch, modelFileNotFound } from './errors.js';

export type NodeLlamaCpp = typeof NodeLlamaCppModule;

/** Loads the optional package only when a llama-cpp provider is used, so the gateway runs without it. */
export const importNodeLlamaCpp = (): Promise<NodeLlamaCpp> => import('node-llama-cpp');

/** A model loaded in memory, with one context holding a sequence (a slot) per concurrent request. */
export interface LlamaCppEngine {
  module: NodeLlamaCpp;
  model: LlamaModel;
  context: LlamaContext;
  /** From the model's own chat template (`tokenizer.chat_template`), or the closest known format. */
  chatWrapper: ChatWrapper;
  /** Tokens the conversation takes once rendered by the chat template. */
  countPromptTokens(history: ChatHistoryItem[]): number;
  dispose(): Promise<void>;
}

const isModuleMissing = (error: unknown) =>
  (error as { code?: unknown })?.code === 'ERR_MODULE_NOT_FOUND' &&
  String((error as Error).message).includes('node-llama-cpp');

export async function loadEngine(
  config: LlamaCppProviderConfig,
  importModule: () => Promise<NodeLlamaCpp> = importNodeLlamaCpp,
): Promise<LlamaCppEngine> {
  let module: NodeLlamaCpp;
  try {
    module = await importModule();
  } catch (error) {
    throw isModuleMissing(error) ? engineNotInstalled(config.id, error) : engineLoadFailed(config.id, error);
  }
  try {
    await access(config.model_path);
  } catch {
    throw modelFileNotFound(config.id, config.model_path);
  }
  if (config.model_sha256 && (await sha256Of(config.model_path)) !== config.model_sha256) {
    throw modelChecksumMismatch(config.id);
  }
  try {
    // `build: 'never'`: only the prebuilt engine installed from npm is used; nothing is compiled or downloaded.
    const llama = await module.getLlama({
      gpu: config.gpu ? 'auto' : false,
      build: 'never',
      progressLogs: false,
      logLevel: module.LlamaLogLevel.error,
    });
    const model = await llama.loadModel({ modelPath: config.model_path, gpuLayers: config.gpu ? 'auto' : 0 });
    const context = await model.createContext({
      contextSize: config.context_size,
      sequences: config.max_concurrency,
      ...(config.threads ? { threads: config.threads } : {}),
    });
    const chatWrapper = module.resolveChatWrapper(model);
    return {
      module,
      model,
      context,
      chatWrapper,
      countPromptTokens: (history) =>
        chatWrapper.generateContextState({ chatHistory: history }).contextText.tokenize(model.tokenizer)
          .length,
      async dispose() {
        await context.dispose();
        await model.dispose();
      },
    };
  } catch (error) {
    throw engineLoadFailed(config.id, error);
  }
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}
