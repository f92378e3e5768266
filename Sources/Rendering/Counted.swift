/// "1 passage", "3 passages", "0 experts": a count and its noun, plural unless the count is one.
package func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
