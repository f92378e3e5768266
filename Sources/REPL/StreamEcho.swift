import Answering

/// Shows a reply on the terminal as it streams in, and keeps what was shown.
public final class StreamEcho {
    /// What has been shown since the last `reset()`.
    public private(set) var text = ""
    let write: (String) -> Void

    public init(write: @escaping (String) -> Void) {
        self.write = write
    }

    /// Routes `generator`'s streamed text through this echo.
    public func attach(to generator: AnswerGenerator?) {
        generator?.onText = { [weak self] chunk in
            self?.text += chunk
            self?.write(chunk)
        }
    }

    /// Forgets what was shown, before the next reply.
    public func reset() {
        text = ""
    }
}
