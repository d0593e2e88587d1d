// Staging folders and system errors are part of this module's API (`OutputFolder.makeStaging`,
// every `Failure.system`): whoever uses ReportRuns gets their types with it.
@_exported import FileSafety
