import {
  Alert,
  Badge,
  Button,
  Checkbox,
  DataList,
  Group,
  List,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { getInstrument } from '../../domain/instruments';
import { type CssrsRisk, type RuleOutResult, ruleOutForIop } from '../../domain/placement/intake-rule-outs';
import { formatDay } from '../shared/date-time';
import { fieldError, formError } from '../shared/form-errors';
import { FormAlert } from '../shared/form-feedback';
import { QueryState } from '../shared/query-state';
import { SectionCard } from '../shared/section-card';
import { type Answers, askedAnswers, bandLabel, InstrumentItems, liveScore } from './instrument-items';
import {
  type IntakeScreening,
  REFERRAL_SOURCES,
  type Referral,
  type RuleOut,
  type ScreeningFlags,
  useCreateScreening,
  usePrograms,
  useReferrals,
} from './referrals-api';

const CIWA_AR = getInstrument('ciwa-ar');
const COWS = getInstrument('cows');
const CSSRS = getInstrument('c-ssrs-screener');

const FLAG_LABELS: Record<keyof ScreeningFlags, string> = {
  withdrawalComplicationRisk: 'History of complicated withdrawal (seizures, delirium tremens)',
  medicallyUnstable: 'Unstable medical condition needing hospital care',
  acutePsychiatricSymptoms: 'Acute psychiatric symptoms (psychosis, mania, danger to others)',
  recoveryEnvironmentUnsafe: 'Home environment unsafe for recovery',
};

const noFlags: ScreeningFlags = {
  withdrawalComplicationRisk: false,
  medicallyUnstable: false,
  acutePsychiatricSymptoms: false,
  recoveryEnvironmentUnsafe: false,
};

const sourceLabel = (source: string) =>
  REFERRAL_SOURCES.find((candidate) => candidate.value === source)?.label ?? source;

export function IntakeScreeningSection({ patientId }: { patientId: string }) {
  const referrals = useReferrals(patientId);
  return (
    <QueryState query={referrals} loading="Loading referrals">
      {(list) => {
        const referral = list.items[0];
        if (!referral) {
          return (
            <Alert color="yellow">This patient has no referral yet, so there is nothing to screen.</Alert>
          );
        }
        return (
          <Stack>
            <ReferralSummary referral={referral} />
            <Screenings referral={referral} patientId={patientId} />
          </Stack>
        );
      }}
    </QueryState>
  );
}

function ReferralSummary({ referral }: { referral: Referral }) {
  return (
    <SectionCard id="referral-heading" title="Referral">
      <DataList withDivider labelWidth="180px">
        <DataList.Item>
          <DataList.ItemLabel>Program</DataList.ItemLabel>
          <DataList.ItemValue>{referral.programName}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Source</DataList.ItemLabel>
          <DataList.ItemValue>{sourceLabel(referral.source)}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Referred on</DataList.ItemLabel>
          <DataList.ItemValue>{formatDay(referral.referredOn)}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Presenting substances</DataList.ItemLabel>
          <DataList.ItemValue>
            {referral.substances
              .map((s) => (s.lastUseOn ? `${s.substance} (last use ${formatDay(s.lastUseOn)})` : s.substance))
              .join(', ')}
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
    </SectionCard>
  );
}

function Screenings({ referral, patientId }: { referral: Referral; patientId: string }) {
  const [latest, ...earlier] = referral.screenings;
  return (
    <Stack>
      {latest && <SavedScreening screening={latest} />}
      <ScreeningForm referral={referral} patientId={patientId} key={latest?.id ?? 'first'} />
      {earlier.length > 0 && (
        <SectionCard id="screen-history-heading" title="Earlier screens">
          <List spacing="xs" size="sm">
            {earlier.map((screening) => (
              <List.Item key={screening.id}>
                {new Date(screening.screenedAt).toLocaleString()}:{' '}
                {screening.ruleOut.outcome === 'proceed-to-assessment'
                  ? 'Proceed to assessment'
                  : `Refer to a higher level (${screening.ruleOut.reasons.map((r) => r.message).join(' ')})`}
              </List.Item>
            ))}
          </List>
        </SectionCard>
      )}
    </Stack>
  );
}

function SavedScreening({ screening }: { screening: IntakeScreening }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="latest-screen-heading">
      <Stack gap="xs">
        <Title order={2} size="h4" id="latest-screen-heading">
          Latest intake screen
        </Title>
        <Text size="sm" c="dimmed">
          Screened {new Date(screening.screenedAt).toLocaleString()}
          {screening.ciwaAr &&
            ` · CIWA-Ar ${screening.ciwaAr.total} (${bandLabel(CIWA_AR, screening.ciwaAr.band).toLowerCase()})`}
          {screening.cows &&
            ` · COWS ${screening.cows.total} (${bandLabel(COWS, screening.cows.band).toLowerCase()})`}
          {screening.cssrs && ` · C-SSRS: ${bandLabel(CSSRS, screening.cssrs.risk).toLowerCase()}`}
          {` · thresholds CIWA-Ar above ${screening.thresholds.ciwaArAbove}, COWS ${screening.thresholds.cowsAtLeast} or more`}
        </Text>
        <RuleOutResultView result={screening.ruleOut} />
      </Stack>
    </Paper>
  );
}

export function RuleOutResultView({
  result,
  preview,
}: {
  result: RuleOut | RuleOutResult;
  preview?: boolean;
}) {
  if (result.outcome === 'proceed-to-assessment') {
    return (
      <Alert color="teal" title="Proceed to assessment" role="status">
        {preview
          ? 'Nothing in this screen rules out intensive outpatient care so far.'
          : 'No rule-out applies: continue with the ASAM assessment.'}
      </Alert>
    );
  }
  return (
    <Alert
      color="red"
      title={preview ? 'This screen would refer to a higher level' : 'Refer to a higher level'}
    >
      <List spacing="xs">
        {result.reasons.map((reason) => (
          <List.Item key={reason.code}>
            <Text size="sm">{reason.message}</Text>
            <Text size="sm" fw={600}>
              Refer to level {reason.referTo.level}: {reason.referTo.label}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function ScreeningForm({ referral, patientId }: { referral: Referral; patientId: string }) {
  const form = useForm({
    initialValues: {
      withCiwa: false,
      withCows: false,
      ciwa: {} as Answers,
      cows: {} as Answers,
      cssrs: {} as Answers,
      // The referral's flags are where a screen starts; the clinician confirms or changes them.
      flags: {
        ...noFlags,
        withdrawalComplicationRisk: referral.medicalFlags.withdrawalComplicationRisk,
        medicallyUnstable: referral.medicalFlags.medicallyUnstable,
        acutePsychiatricSymptoms: referral.psychiatricFlags.acutePsychiatricSymptoms,
        recoveryEnvironmentUnsafe: referral.recoveryEnvironmentUnsafe,
      } satisfies ScreeningFlags,
    },
  });
  const [problem, setProblem] = useState<string>();
  const { withCiwa, withCows, ciwa, cows, cssrs, flags } = form.getValues();

  const programs = usePrograms(referral.siteId);
  const program = programs.data?.items.find((candidate) => candidate.id === referral.programId);
  const ciwaLive = liveScore(CIWA_AR, ciwa);
  const cowsLive = liveScore(COWS, cows);
  const cssrsLive = liveScore(CSSRS, cssrs);

  // The same rule-out the server applies, with the program's thresholds (the defaults until they load).
  // Shown once every screen in use is complete, so a half-filled form never reads as "proceed".
  const complete = (!withCiwa || ciwaLive.score) && (!withCows || cowsLive.score) && cssrsLive.score;
  let preview: RuleOutResult | null = null;
  if (complete) {
    try {
      preview = ruleOutForIop(
        {
          ciwaArTotal: withCiwa && ciwaLive.score ? ciwaLive.score.total : null,
          cowsTotal: withCows && cowsLive.score ? cowsLive.score.total : null,
          cssrsRisk: (cssrsLive.score?.band.id as CssrsRisk | undefined) ?? null,
          ...flags,
        },
        program ? { ciwaArAbove: program.ciwaArAbove, cowsAtLeast: program.cowsAtLeast } : {},
      );
    } catch {
      preview = null;
    }
  }

  const save = useCreateScreening(patientId, referral.id);

  const submit = form.onSubmit(() => {
    const incomplete = [
      withCiwa && !ciwaLive.score ? 'CIWA-Ar' : null,
      withCows && !cowsLive.score ? 'COWS' : null,
      !cssrsLive.score ? 'C-SSRS screener' : null,
    ].filter(Boolean);
    if (incomplete.length > 0) {
      setProblem(`Answer every item of: ${incomplete.join(', ')}.`);
      return;
    }
    setProblem(undefined);
    save.mutate({
      edition: 3,
      ciwaAr: withCiwa ? askedAnswers(CIWA_AR, ciwa) : null,
      cows: withCows ? askedAnswers(COWS, cows) : null,
      cssrs: askedAnswers(CSSRS, cssrs),
      ...flags,
    });
  });

  // The server names an item `ciwaAr.<item>` and a flag by its own name (the request's shape, not the form's).
  const itemError = (prefix: string) => (itemId: string) => fieldError(save.error, `${prefix}.${itemId}`);
  const generalError = formError(save.error, ['ciwaAr', 'cows', 'cssrs', ...Object.keys(FLAG_LABELS)]);
  const screens = [
    { key: 'ciwa', instrument: CIWA_AR, shown: withCiwa, prefix: 'ciwaAr' },
    { key: 'cows', instrument: COWS, shown: withCows, prefix: 'cows' },
    { key: 'cssrs', instrument: CSSRS, shown: true, prefix: 'cssrs' },
  ] as const;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="new-screen-heading">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4" id="new-screen-heading">
            New intake screen
          </Title>
          <Group>
            <Checkbox
              label="Alcohol withdrawal (CIWA-Ar)"
              {...form.getInputProps('withCiwa', { type: 'checkbox' })}
            />
            <Checkbox
              label="Opioid withdrawal (COWS)"
              {...form.getInputProps('withCows', { type: 'checkbox' })}
            />
          </Group>
          {screens.map(
            (screen) =>
              screen.shown && (
                <InstrumentItems
                  key={screen.key}
                  instrument={screen.instrument}
                  answers={form.getValues()[screen.key]}
                  onChange={(answers) => form.setFieldValue(screen.key, answers)}
                  errorFor={itemError(screen.prefix)}
                />
              ),
          )}
          <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={500} size="sm">
              Medical, psychiatric and home flags
            </Text>
            {(Object.keys(FLAG_LABELS) as (keyof ScreeningFlags)[]).map((flag) => (
              <Checkbox
                key={flag}
                label={FLAG_LABELS[flag]}
                {...form.getInputProps(`flags.${flag}`, { type: 'checkbox' })}
                error={fieldError(save.error, flag)}
              />
            ))}
          </Stack>
          {!preview && (
            <Text size="sm" c="dimmed">
              Answer every item of the screens in use to see the rule-out.
            </Text>
          )}
          {preview && (
            <Stack gap={4}>
              <Group gap="xs">
                <Text fw={500} size="sm">
                  Rule-out as you type
                </Text>
                <Badge variant="outline" size="sm" tt="none">
                  preview
                </Badge>
              </Group>
              <RuleOutResultView result={preview} preview />
            </Stack>
          )}
          <FormAlert message={problem ?? generalError} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save intake screen
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
