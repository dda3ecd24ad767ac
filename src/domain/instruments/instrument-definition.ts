/**
 * The shape every instrument is written in. An instrument is data: its items, the answers each item takes,
 * how items add up, where the bands fall and which answers raise a risk flag. `scoreInstrument` is the one
 * engine that reads it, so adding an instrument means adding a definition, not code.
 */

export type InstrumentId =
  | 'phq-9'
  | 'gad-7'
  | 'audit'
  | 'audit-c'
  | 'dast-10'
  | 'bam'
  | 'pcl-5'
  | 'c-ssrs-screener'
  | 'ciwa-ar'
  | 'cows';

/** What a flag asks of the clinic; the server turns each into an urgent task. */
export type RiskFlag = 'suicide-risk-review' | 'suicide-risk-high' | 'withdrawal-threshold';

export type AnswerOption = { readonly value: number; readonly label: string };

export type InstrumentItem = {
  /** Key in the answers record: `item1` … ; sub-items `item7a`, follow-ups `item6Recent`. */
  readonly id: string;
  /** Number as printed on the published form. */
  readonly number: number;
  /** Sub-item or follow-up letter as printed (`A` for BAM 7A), when the form has one. */
  readonly part?: string;
  readonly text: string;
  readonly options: readonly AnswerOption[];
  /** Scored as (lowest + highest option) − answer, e.g. DAST-10 item 3: "No" scores 1. */
  readonly reverse?: boolean;
  /** False for items the form asks but no score counts (BAM 7A–7G and 17, the C-SSRS follow-up). */
  readonly scored?: boolean;
  /**
   * Skip logic of the published form: the item is asked only when another item's answer is at least this.
   * When not asked it may be left out and counts 0; when answered anyway it is validated and counted, so a
   * "yes" entered against the skip pattern is never silently dropped.
   */
  readonly askedWhen?: { readonly itemId: string; readonly atLeast: number };
};

export type Band = { readonly id: string; readonly label: string };

/** Inclusive on both ends; the bands of one instrument tile its whole score range without gaps. */
export type RangeBand = Band & { readonly min: number; readonly max: number };

export type Subscale = { readonly id: string; readonly label: string; readonly itemIds: readonly string[] };

export type BandRule =
  /** Bands by the total, or by one sub-scale when the instrument has no validated total (BAM). */
  | {
      readonly kind: 'range';
      readonly basis: { readonly subscaleId: string } | 'total';
      readonly bands: readonly RangeBand[];
    }
  /** A screen: positive at or above a cut-off, which may depend on the patient's sex or on configuration. */
  | {
      readonly kind: 'cutoff';
      readonly cutoff:
        | { readonly by: 'config'; readonly default: number; readonly min: number; readonly max: number }
        | { readonly by: 'sex'; readonly male: number; readonly female: number; readonly unknown: number };
      readonly negative: Band;
      readonly positive: Band;
    }
  /**
   * Item-pattern triage (C-SSRS screener): the first level whose `whenAllYes` has a group of items all
   * answered yes wins; levels are listed most severe first.
   */
  | {
      readonly kind: 'triage';
      readonly levels: readonly (Band & { readonly whenAllYes: readonly (readonly string[])[] })[];
      readonly otherwise: Band;
    };

export type RiskRule =
  | { readonly flag: RiskFlag; readonly when: 'item-above'; readonly itemId: string; readonly above: number }
  | { readonly flag: RiskFlag; readonly when: 'band-in'; readonly bandIds: readonly string[] }
  /** Total above a threshold the program configures (`options.withdrawalFlagAbove`); this is the default. */
  | { readonly flag: RiskFlag; readonly when: 'total-above-configured'; readonly defaultAbove: number };

export type InstrumentDefinition = {
  readonly id: InstrumentId;
  readonly name: string;
  readonly shortName: string;
  /** Revision of this definition in OpenIOP; stored with each response so old scores stay explainable. */
  readonly version: string;
  /** Published source of items and scoring. */
  readonly source: string;
  /** Terms of use as published by the copyright holder, where there is one. */
  readonly terms: string;
  /** LOINC code of the total score, where one exists. */
  readonly loincTotal?: string;
  /** Shown above the items (time frame, how to answer). */
  readonly instructions: string;
  /** Who completes it: the patient (portal or paper) or a clinician rating observed signs. */
  readonly administeredBy: 'patient' | 'clinician';
  readonly items: readonly InstrumentItem[];
  /** `sum` adds every scored item; `none` when no single total is validated (BAM, C-SSRS screener). */
  readonly total: 'sum' | 'none';
  readonly subscales?: readonly Subscale[];
  readonly bands: BandRule;
  readonly riskRules: readonly RiskRule[];
};
