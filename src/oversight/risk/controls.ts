import type { RiskTier } from '../../config/schema.js';

/** What the gateway enforces for an application, given its risk tier. */
export interface TierControls {
  /** Every request is refused. */
  refuse: boolean;
  /** Answers say they come from an AI (LAW.md R9). */
  aiLabel: boolean;
  /** A notice is shown before the first message (R8). */
  transparencyNotice: boolean;
  /** Which answers wait for a person before release. */
  humanReview: 'none' | 'sensitive_topics' | 'all';
  /** Answers must cite the governed corpus and pass the grounding check. */
  groundingRequired: boolean;
  auditDetail: 'standard' | 'full';
  /** A passing assurance report is needed before promotion to production. */
  assuranceBeforeProduction: boolean;
  /** A closed sandbox run is needed before promotion to production. */
  sandboxBeforeProduction: boolean;
  /** Share of released answers queued for after-the-fact review. */
  samplingRate: number;
  /** Days after which the risk assessment must be redone. */
  reassessAfterDays: number;
  /**
   * Only models approved for the tier may serve. A minimal-risk use (no personal data, no effect on rights) may use
   * any configured model, as the EU AI Act asks nothing of minimal-risk systems.
   */
  approvedModelsOnly: boolean;
  /** The model is told to answer in neutral language and infer nothing from names, regions or origins. */
  fairnessInstruction: boolean;
  /** Answers that generalise about a group of people are flagged in `mizan.oversight.flags`, or held for review. */
  stereotypeCheck: 'flag' | 'review';
}

const controlsByTier: Readonly<Record<RiskTier, TierControls>> = {
  minimal: {
    refuse: false,
    aiLabel: true,
    transparencyNotice: false,
    humanReview: 'none',
    groundingRequired: false,
    auditDetail: 'standard',
    assuranceBeforeProduction: false,
    sandboxBeforeProduction: false,
    samplingRate: 0,
    reassessAfterDays: 730,
    approvedModelsOnly: false,
    fairnessInstruction: false,
    stereotypeCheck: 'flag',
  },
  limited: {
    refuse: false,
    aiLabel: true,
    transparencyNotice: true,
    humanReview: 'none',
    groundingRequired: false,
    auditDetail: 'standard',
    assuranceBeforeProduction: false,
    sandboxBeforeProduction: false,
    samplingRate: 0.02,
    reassessAfterDays: 365,
    approvedModelsOnly: true,
    fairnessInstruction: true,
    stereotypeCheck: 'flag',
  },
  high: {
    refuse: false,
    aiLabel: true,
    transparencyNotice: true,
    humanReview: 'sensitive_topics',
    groundingRequired: true,
    auditDetail: 'full',
    assuranceBeforeProduction: true,
    sandboxBeforeProduction: true,
    samplingRate: 0.1,
    reassessAfterDays: 180,
    approvedModelsOnly: true,
    fairnessInstruction: true,
    stereotypeCheck: 'review',
  },
  // Refused outright; the other controls are the strictest, so a consumer that overlooks `refuse` still fails safe.
  prohibited: {
    refuse: true,
    aiLabel: true,
    transparencyNotice: true,
    humanReview: 'all',
    groundingRequired: true,
    auditDetail: 'full',
    assuranceBeforeProduction: true,
    sandboxBeforeProduction: true,
    samplingRate: 1,
    reassessAfterDays: 180,
    approvedModelsOnly: true,
    fairnessInstruction: true,
    stereotypeCheck: 'review',
  },
};

/** The controls a tier requires; a copy, so no caller can change what another application gets. */
export function controlsFor(tier: RiskTier): TierControls {
  return { ...controlsByTier[tier] };
}
