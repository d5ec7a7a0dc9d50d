/**
 * History storage: IndexedDB through `idb`, records validated on every read, workouts saved as
 * they happen, progress numbers as pure functions, and export / import / delete of everything.
 */
export {
	StorageFullError,
	StorageUnavailableError,
	CorruptRecordError,
	ImportError,
	isQuotaError,
	toStorageError,
	type ImportErrorRecord,
	type UnavailableReason
} from './errors';
export {
	isLocalDate,
	parsePostureDay,
	parseRoutine,
	parseSetting,
	parseWorkout,
	emptyPostureDay,
	noSlouchCauses,
	POSTURE_STATES,
	type CueRecord,
	type HoldRecord,
	type JsonValue,
	type Parsed,
	type PostureDayRecord,
	type RangeOfMotionRecord,
	type RoutineItemRecord,
	type RoutineRecord,
	type SettingRecord,
	type WorkoutRecord,
	type WorkoutStatus
} from './records';
export {
	DB_NAME,
	DB_VERSION,
	STORE_NAMES,
	openScapulaDb,
	listWorkouts,
	listInProgressWorkouts,
	getWorkout,
	finishAbandonedWorkouts,
	ABANDONED_AFTER_MS,
	writeTransaction,
	putWorkout,
	deleteWorkout,
	listRoutines,
	putRoutine,
	listPostureDays,
	addPostureTime,
	listSettings,
	getSetting,
	setSetting,
	type OpenOptions,
	type ReadResult,
	type ScapulaDb,
	type ScapulaSchema,
	type SkippedRecord,
	type StoreName,
	type WorkoutQuery
} from './db';
export {
	WorkoutRecorder,
	workoutSink,
	DEFAULT_FLUSH_MS,
	type Timers,
	type WorkoutRecorderOptions,
	type WorkoutSink
} from './recorder';
export {
	addDays,
	daysBetween,
	isoWeek,
	lastDates,
	localDate,
	splitByLocalDay,
	startOfLocalDay
} from './dates';
export {
	formTrend,
	minutesPerDay,
	slouchedShare,
	streak,
	weeklyTotals,
	workoutSpan,
	type Clock,
	type DayMinutes,
	type FormPoint,
	type SlouchDay,
	type Streak,
	type WeekTotals
} from './progress';
export { csvCell, toCsv, type CsvCell } from './csv';
export {
	EXPORT_FORMAT,
	EXPORT_VERSION,
	deleteAll,
	exportAll,
	importAll,
	postureDaysCsv,
	validateExport,
	workoutsCsv,
	POSTURE_CSV_HEADER,
	WORKOUT_CSV_HEADER,
	type ExportOptions,
	type ImportCounts,
	type ImportOptions,
	type ScapulaExport
} from './transfer';
export {
	requestPersistentStorage,
	storageUse,
	type StorageManagerLike,
	type StorageUse
} from './persistence';
