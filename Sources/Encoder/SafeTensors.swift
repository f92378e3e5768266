import Foundation

/// A memory-mapped safetensors file: the tensors' descriptions from its header, and their bytes in place.
///
/// The format (huggingface/safetensors): an unsigned 64-bit little-endian header length N, then N bytes
/// of JSON mapping each tensor name to `{"dtype", "shape", "data_offsets": [begin, end]}` (offsets
/// relative to the byte after the header; an optional `__metadata__` entry maps strings to strings),
/// then the tensors' raw little-endian bytes. Opening checks what the reference reader checks: the
/// header fits in the file and is a JSON object of well-formed entries, every entry's byte range matches
/// its dtype and shape, and the ranges cover the data exactly, without gaps or overlaps.
///
/// ```swift
/// let file = try SafeTensors(path: "model.safetensors")
/// let weights = try file.floats("encoder.layer.0.intermediate.dense.weight", shape: [1536, 384])
/// ```
struct SafeTensors: Sendable {
    /// One tensor's entry in the header.
    struct Entry: Equatable, Sendable {
        var dtype: String
        var shape: [Int]
        /// Byte range within the data section.
        var offsets: Range<Int>
    }

    /// Why a file is not a valid safetensors file, or lacks what was asked of it.
    struct FormatError: Error, Equatable {
        var reason: String
    }

    /// The header's largest accepted length (the reference reader's limit).
    static let maximumHeaderLength = 100_000_000

    let file: MappedFile
    /// The tensors by name.
    let entries: [String: Entry]
    /// The byte offset in the file where tensor data begins (8 + header length).
    let dataStart: Int

    /// Maps the file at `path` and validates its header.
    ///
    /// - Throws: `MappedFile.Failure` when it cannot be mapped; `FormatError` when it is not valid.
    init(path: String) throws {
        try self.init(file: MappedFile(path: path))
    }

    init(file: MappedFile) throws(FormatError) {
        self.file = file
        let bytes = file.bytes
        guard bytes.count >= 8 else {
            throw FormatError(reason: "\(bytes.count) bytes, shorter than the 8-byte header length")
        }
        let declared = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        guard declared <= UInt64(Self.maximumHeaderLength) else {
            throw FormatError(reason: "the header length \(declared) is larger than \(Self.maximumHeaderLength)")
        }
        let headerLength = Int(declared)
        guard headerLength <= bytes.count - 8 else {
            throw FormatError(
                reason: "the header length \(headerLength) runs past the end of the file (\(bytes.count) bytes)")
        }
        dataStart = 8 + headerLength
        let header = Data(bytes[8..<dataStart])
        entries = try Self.parse(header: header, dataLength: bytes.count - dataStart)
    }

    /// The tensor `name` as 32-bit floats, in place, after checking its dtype, shape and alignment.
    ///
    /// - Throws: `FormatError` when the tensor is absent, not F32, of another shape, or misaligned.
    func floats(_ name: String, shape: [Int]) throws(FormatError) -> UnsafeBufferPointer<Float> {
        guard let entry = entries[name] else { throw FormatError(reason: "it has no tensor \(name)") }
        guard entry.dtype == "F32" else { throw FormatError(reason: "tensor \(name) is \(entry.dtype), not F32") }
        guard entry.shape == shape else {
            throw FormatError(reason: "tensor \(name) has shape \(entry.shape), expected \(shape)")
        }
        let start = dataStart + entry.offsets.lowerBound
        guard start % MemoryLayout<Float>.alignment == 0 else {
            throw FormatError(reason: "tensor \(name) is not aligned to 4 bytes")
        }
        let raw = UnsafeRawBufferPointer(rebasing: file.bytes[start..<(dataStart + entry.offsets.upperBound)])
        return raw.assumingMemoryBound(to: Float.self)
    }

    /// The byte size of one element of each dtype the format defines.
    static let elementSizes: [String: Int] = [
        "BOOL": 1, "U8": 1, "I8": 1, "F8_E5M2": 1, "F8_E4M3": 1, "I16": 2, "U16": 2, "F16": 2, "BF16": 2,
        "I32": 4, "U32": 4, "F32": 4, "I64": 8, "U64": 8, "F64": 8,
    ]

    /// Decodes and checks the header's entries against a data section of `dataLength` bytes.
    static func parse(header: Data, dataLength: Int) throws(FormatError) -> [String: Entry] {
        let decoded: Header
        do {
            decoded = try JSONDecoder().decode(Header.self, from: header)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
            let DecodingError.keyNotFound(_, context)
        {
            let name = context.codingPath.first?.stringValue ?? "?"
            throw FormatError(reason: "its header entry for \(name) is malformed")
        } catch {
            throw FormatError(reason: "its header is not a JSON object")
        }
        var entries: [String: Entry] = [:]
        for (name, raw) in decoded.entries {
            guard let elementSize = elementSizes[raw.dtype] else {
                throw FormatError(reason: "tensor \(name) has unknown dtype \(raw.dtype)")
            }
            let offsets = raw.data_offsets
            guard offsets.count == 2, offsets[0] >= 0, offsets[0] <= offsets[1], offsets[1] <= dataLength else {
                throw FormatError(
                    reason: "tensor \(name) has data offsets \(offsets) outside the \(dataLength) bytes of data")
            }
            var count = elementSize
            for dimension in raw.shape {
                let product = count.multipliedReportingOverflow(by: dimension)
                guard dimension >= 0, !product.overflow else {
                    throw FormatError(reason: "tensor \(name) has an invalid shape \(raw.shape)")
                }
                count = product.partialValue
            }
            guard count == offsets[1] - offsets[0] else {
                throw FormatError(
                    reason: "tensor \(name) of shape \(raw.shape) does not fill its \(offsets[1] - offsets[0]) bytes")
            }
            entries[name] = Entry(dtype: raw.dtype, shape: raw.shape, offsets: offsets[0]..<offsets[1])
        }
        var end = 0
        let ordered = entries.sorted {
            ($0.value.offsets.lowerBound, $0.value.offsets.upperBound) < (
                $1.value.offsets.lowerBound, $1.value.offsets.upperBound
            )
        }
        for (name, entry) in ordered {
            guard entry.offsets.lowerBound == end else {
                throw FormatError(
                    reason: "tensor \(name) starts at byte \(entry.offsets.lowerBound) of the data, expected \(end)")
            }
            end = entry.offsets.upperBound
        }
        guard end == dataLength else {
            throw FormatError(reason: "its tensors cover \(end) of its \(dataLength) bytes of data")
        }
        return entries
    }

    /// The header as JSON: every key but `__metadata__` is a tensor.
    private struct Header: Decodable {
        var entries: [String: RawEntry] = [:]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            for key in container.allKeys where key.stringValue != "__metadata__" {
                entries[key.stringValue] = try container.decode(RawEntry.self, forKey: key)
            }
        }
    }

    private struct RawEntry: Decodable {
        var dtype: String
        var shape: [Int]
        var data_offsets: [Int]
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
