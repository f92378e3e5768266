import Answering
import Rendering

/// Printing helpers shared by the subcommands.
enum Output {
    /// Prints `value` as one line of JSON with stable key order.
    static func printJSON<Value: Encodable>(_ value: Value) throws {
        print(try JSONLine.encode(value))
    }
}
