/**
 * The posture monitor's engine, pure (no DOM, no Svelte): calibration, metrics relative to it,
 * sensitivity, the settled status, nudge timing (grace, snooze, quiet hours, breaks), adaptive
 * sampling, the limit guides drawn on the live view, and the day's timeline. The live page
 * (src/routes/posture) and the command-line analyser (src/lib/analysis/posture.ts) both run it.
 */
export * from './types';
export {
	postureFeatures,
	looksFrontOn,
	judgedBody,
	NOSE_DEPTH_PER_EAR_WIDTH,
	type PostureFeatures
} from './features';
export {
	POSTURE_METRICS,
	METRICS_BY_VIEW,
	REQUIRED_METRICS,
	SENSITIVITY_SCALE,
	RECLINE_EXCUSE_DEG,
	readMetrics,
	checkMetrics,
	metricDef,
	type MetricCheck,
	type MetricValues,
	type PostureMetricDef,
	type PostureMetricId,
	type PostureMetricUnit,
	type PostureReference
} from './metrics';
export {
	Calibrator,
	CalibrationError,
	CALIBRATION_VERSION,
	MAX_CALIBRATION_SPREAD,
	parseCalibration,
	type Calibration,
	type CalibrateOptions,
	type CalibrationProblem
} from './calibration';
export {
	compareSetup,
	SetupCheck,
	DEFAULT_SETUP_CHECK,
	type SetupCheckOptions,
	type SetupVerdict
} from './setup-check';
export {
	PostureEngine,
	DEFAULT_SETTLE_SECONDS,
	DEFAULT_GAP_SETTLE_SECONDS,
	DEFAULT_RELEASE_SHARE,
	DEFAULT_MIN_CONFIDENCE,
	DEFAULT_MEDIAN_SECONDS,
	STOOD_UP_RISE,
	type PostureEngineOptions,
	type PostureReading,
	type PostureReason
} from './engine';
export {
	step as nudgeStep,
	snooze,
	unsnooze,
	pause as pauseNudges,
	breakTaken,
	validateNudgeConfig,
	DEFAULT_NUDGE_CONFIG,
	INITIAL_NUDGE_STATE,
	type NudgeConfig,
	type NudgeEvent,
	type NudgeHold,
	type NudgeInput,
	type NudgeState,
	type NudgeStep
} from './nudges';
export {
	nextSampleDelay,
	DEFAULT_SAMPLING,
	type SamplingInput,
	type SamplingPolicy
} from './sampling';
export { postureGuides, limitOf, type GuideLine } from './guides';
export {
	causeEvidence,
	slouchCause,
	SLOUCH_CAUSES,
	MIN_CAUSE_SHARE,
	type CauseEvidence,
	type SlouchCause
} from './slouch-cause';
export {
	DayLog,
	SLOT_SECONDS,
	SLOTS_PER_DAY,
	KEEP_DAYS,
	dayTotals,
	dominantStatus,
	emptySeconds,
	hourlySeconds,
	timelineRuns,
	type DayTimeline,
	type PendingTotals,
	type StatusSeconds,
	type TimelineRun
} from './day-log';
