import MCP

/// A tool call's arguments, read by name and type; a missing or mistyped one is an MCP
/// "invalid params" error that names it.
struct ToolArguments {
    let tool: String
    let values: [String: Value]

    init(tool: String, values: [String: Value]?) {
        self.tool = tool
        self.values = values ?? [:]
    }

    /// The string argument `name`.
    ///
    /// - Throws: `MCPError.invalidParams` when it is missing and `required`, or not a string.
    func string(_ name: String, required: Bool = false) throws -> String? {
        guard let value = values[name], !value.isNull else {
            if required { throw MCPError.invalidParams("\(tool) needs the string argument “\(name)”") }
            return nil
        }
        guard let string = value.stringValue else {
            throw MCPError.invalidParams("\(tool): argument “\(name)” must be a string")
        }
        return string
    }

    /// The integer argument `name`, or nil when absent.
    ///
    /// - Throws: `MCPError.invalidParams` when it is not a whole number.
    func integer(_ name: String) throws -> Int? {
        guard let value = values[name], !value.isNull else { return nil }
        if let int = value.intValue { return int }
        if let double = value.doubleValue, double == double.rounded(), let int = Int(exactly: double) { return int }
        throw MCPError.invalidParams("\(tool): argument “\(name)” must be a whole number")
    }

    /// The boolean argument `name`, or nil when absent.
    ///
    /// - Throws: `MCPError.invalidParams` when it is not true or false.
    func boolean(_ name: String) throws -> Bool? {
        guard let value = values[name], !value.isNull else { return nil }
        guard let bool = value.boolValue else { throw MCPError.invalidParams("\(tool): argument “\(name)” must be true or false") }
        return bool
    }
}
