import Corpus

/// The stored fields of consecutive passages, packed and compressed together with zlib.
///
/// Passage text is most of a store. Compressed alone, a passage of a few hundred bytes keeps
/// ~58% of its size; blocks of ~10 KB, as tantivy's document store compresses them, keep ~48%.
/// A preset dictionary sampled from the corpus does as well for single passages, but zlib hashes
/// the dictionary again for every passage, which costs the build about five times as much.
/// Reading a passage decompresses its whole block, so that zlib's checksum is checked.
///
/// The fields kept here are those read only to show a passage: role, question, text, source and
/// ordinal (`id` and `expert` stay columns of `passages`, which are looked up). Layout:
/// `varint(packed byte count)`, then the zlib stream of the packed records, one per passage:
/// `varint(ordinal)`, then role, question, text and source, each `varint(UTF-8 byte count)` and
/// its bytes.
struct PassageBlock {
    /// A block is closed once it holds this many packed bytes. Its compressed bytes (~4.9 KB of
    /// English) then fill one SQLite overflow page and leave a small cell in the table's page,
    /// which wastes less of the 4 KB pages than 16 KB blocks (~7.6 KB, a page and most of
    /// another) and takes less time to decompress.
    static let targetSize = 10 * 1024
    /// zlib's level: 1 makes blocks ~3% larger than level 4 (and 5% than the default 6) in about half
    /// the time of level 4, which the build feels on two cores (100k: 7.2 → 6.2–6.7 s, 49.8 → 51.4 MB).
    static let compressionLevel: Int32 = 1

    /// The records packed so far.
    private var packed: [UInt8] = []

    init() {
        packed.reserveCapacity(Self.targetSize + Self.targetSize / 2)
    }

    var isEmpty: Bool { packed.isEmpty }
    /// Whether the block holds `targetSize` bytes and should be written.
    var isFull: Bool { packed.count >= Self.targetSize }

    /// Packs the stored fields of `passage`, the next one.
    mutating func append(_ passage: Passage) {
        Varint.append(UInt64(bitPattern: Int64(passage.ordinal)), to: &packed)
        for field in [passage.role, passage.question, passage.text, passage.source] {
            var field = field
            field.withUTF8 { bytes in
                Varint.append(UInt64(bytes.count), to: &packed)
                packed.append(contentsOf: bytes)
            }
        }
    }

    /// The packed records, to be `compressed`; the block is empty again afterwards.
    mutating func take() -> [UInt8] {
        defer { packed.removeAll(keepingCapacity: true) }
        return packed
    }

    /// A block's bytes as stored, from its packed records.
    static func compressed(_ packed: [UInt8]) -> [UInt8] {
        var stored: [UInt8] = []
        Varint.append(UInt64(packed.count), to: &stored)
        return stored + Deflate.compress(packed, level: compressionLevel)
    }

    /// The passage at `index` in the stored block `stored`, with its `id` and `expert`.
    ///
    /// - Returns: nil when the block is damaged or has no passage at `index`.
    static func passage(at index: Int, in stored: UnsafeRawBufferPointer, id: String, expert: String) -> Passage? {
        var offset = 0
        guard index >= 0, let size = Varint.read(stored, at: &offset), size <= Int.max,
              let packed = Deflate.decompress(UnsafeRawBufferPointer(rebasing: stored[offset...]), size: Int(size)) else { return nil }
        return packed.withUnsafeBytes { records in
            var offset = 0
            var fields: [String] = []
            for record in 0...index {
                guard let ordinal = Varint.read(records, at: &offset) else { return nil }
                for _ in 0..<4 {
                    guard let count = Varint.read(records, at: &offset), count <= records.count - offset else { return nil }
                    let end = offset + Int(count)
                    if record == index { fields.append(String(decoding: UnsafeRawBufferPointer(rebasing: records[offset..<end]), as: UTF8.self)) }
                    offset = end
                }
                if record == index {
                    return Passage(id: id, expert: expert, role: fields[0], question: fields[1], text: fields[2], source: fields[3],
                                   ordinal: Int(Int64(bitPattern: ordinal)))
                }
            }
            return nil
        }
    }
}
