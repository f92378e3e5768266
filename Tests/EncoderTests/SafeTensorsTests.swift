import Foundation
import Testing

@testable import Encoder

@Suite struct SafeTensorsTests {
    /// A safetensors file of `header` (JSON, padded with spaces to 8 bytes) and `data`.
    static func file(header: String, data: [UInt8], declaredLength: UInt64? = nil) throws -> String {
        var json = Array(header.utf8)
        while json.count % 8 != 0 { json.append(UInt8(ascii: " ")) }
        var bytes: [UInt8] = []
        withUnsafeBytes(of: (declaredLength ?? UInt64(json.count)).littleEndian) { bytes.append(contentsOf: $0) }
        bytes += json + data
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("safetensors-\(UUID().uuidString)")
            .path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func floats(_ values: [Float]) -> [UInt8] {
        values.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
    }

    static let valid =
        #"{"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]},"b":{"dtype":"I64","shape":[1],"data_offsets":[16,24]}}"#

    func reason(header: String, data: [UInt8], declaredLength: UInt64? = nil) throws -> String? {
        let path = try Self.file(header: header, data: data, declaredLength: declaredLength)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try SafeTensors(path: path)
            return nil
        } catch let error as SafeTensors.FormatError {
            return error.reason
        }
    }

    @Test func readsTensorsInPlace() throws {
        let path = try Self.file(header: Self.valid, data: Self.floats([1, 2, 3, 4]) + [UInt8](repeating: 0, count: 8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try SafeTensors(path: path)
        #expect(file.entries.count == 2)
        #expect(Array(try file.floats("a", shape: [2, 2])) == [1, 2, 3, 4])
        #expect(throws: SafeTensors.FormatError(reason: "tensor a has shape [2, 2], expected [4]")) {
            try file.floats("a", shape: [4])
        }
        #expect(throws: SafeTensors.FormatError(reason: "tensor b is I64, not F32")) {
            try file.floats("b", shape: [1])
        }
        #expect(throws: SafeTensors.FormatError(reason: "it has no tensor c")) { try file.floats("c", shape: [1]) }
    }

    @Test func refusesDamagedFiles() throws {
        let data = Self.floats([1, 2, 3, 4]) + [UInt8](repeating: 0, count: 8)
        #expect(
            try reason(header: Self.valid, data: Array(data.prefix(20)))
                == "tensor b has data offsets [16, 24] outside the 20 bytes of data")
        #expect(
            try reason(header: Self.valid, data: data, declaredLength: 1 << 40)
                == "the header length 1099511627776 is larger than 100000000")
        #expect(
            try reason(header: Self.valid, data: [], declaredLength: 10_000)
                == "the header length 10000 runs past the end of the file (152 bytes)")
        #expect(try reason(header: "not json", data: data) == "its header is not a JSON object")
        #expect(
            try reason(header: #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0]}}"#, data: Self.floats([1, 2]))
                == "tensor a has data offsets [0] outside the 8 bytes of data")
        #expect(
            try reason(header: #"{"a":{"dtype":"F32","shape":"2","data_offsets":[0,8]}}"#, data: Self.floats([1, 2]))
                == "its header entry for a is malformed")
        #expect(
            try reason(header: #"{"a":{"dtype":"F33","shape":[2],"data_offsets":[0,8]}}"#, data: Self.floats([1, 2]))
                == "tensor a has unknown dtype F33")
        #expect(
            try reason(header: #"{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, data: Self.floats([1, 2]))
                == "tensor a of shape [3] does not fill its 8 bytes")
        #expect(
            try reason(header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, data: Self.floats([1, 2]))
                == "tensor a starts at byte 4 of the data, expected 0")
        #expect(
            try reason(header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, data: Self.floats([1, 2]))
                == "its tensors cover 4 of its 8 bytes of data")
        #expect(
            try reason(
                header:
                    #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#,
                data: Self.floats([1, 2])) == "tensor b starts at byte 4 of the data, expected 8")
    }

    @Test func refusesAFileShorterThanItsHeaderLength() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("safetensors-\(UUID().uuidString)")
            .path
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: SafeTensors.FormatError(reason: "3 bytes, shorter than the 8-byte header length")) {
            try SafeTensors(path: path)
        }
    }
}
