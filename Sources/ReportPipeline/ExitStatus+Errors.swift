import FileSafety
import PMOSurvey
import Publishing
import SurveyImport

extension ExitStatus {
    /// The exit status for a failure of any layer, decided here and nowhere else: what cannot be
    /// opened is 66, a bad setting 64, unusable data 65, an output that cannot be made 73, a
    /// folder another run holds 75, and anything else pmo-report's own fault (70).
    public init(for error: any Error) {
        switch error {
        case let error as PipelineError:
            self = error.status
        case let error as SurveyFileError:
            self = error.isUnreadable ? .noInput : error.isBadMapping ? .usage : .dataError
        case let error as SettingsFileError:
            self = error.isUnreadable ? .noInput : .usage
        case let error as RegisterFileError:
            self = error.isUnreadable ? .noInput : .dataError
        case is InputSelection.Failure:
            self = .noInput
        case let error as PeerCodeSecret.Failure:
            if case .weak = error { self = .usage } else { self = .cannotCreate }
        case let error as RunLock.Failure:
            if case .busy = error { self = .tryAgainLater } else { self = .cannotCreate }
        case let error as any OutputError:
            self = error.isBug ? .software : .cannotCreate
        case is OutputFolder.Failure, is FolderPublisher.Failure:
            self = .cannotCreate
        default:
            self = .software
        }
    }
}
