import Corpus

/// The stored fields of consecutive passages, packed and compressed together with Zstandard.
///
/// Passage text is most of a store. Compressed alone, a passage of a few hundred bytes keeps
/// ~58% of its size (zlib); blocks of ~10 KB, as tantivy's document store compresses them, keep
/// ~46% with zlib and ~44% with zstd (both at level 1). Reading a passage decompresses its whole
/// block, so that the frame's checksum is checked, with the store's one reused context
/// (`Zstd.Decompressor`): with a context made for each read, most of the time went into making it,
/// and stopping at the passage through zstd blocks of 1–2 KB (each passage with its own checksum)
/// was no faster than that and made the store 4–8% larger (measured at 100k passages).
///
/// The fields kept here are those read only to show a passage: role, question, text, source and
/// ordinal (`id` and `expert` stay columns of `passages`, which are looked up). Layout: one zstd
/// frame (with its content size and checksum) of the packed records, one per passage:
/// `varint(ordinal)`, then role, question, text and source, each `varint(UTF-8 byte count)` and
/// its bytes.
struct PassageBlock {
    /// A block is closed once it holds this many packed bytes. Its compressed bytes (~4.5 KB of
    /// English) then fill one SQLite overflow page and leave a small cell in the table's page,
    /// which wastes less of the 4 KB pages than 16 KB blocks (a page and most of another) and takes
    /// less time to decompress.
    static let targetSize = 10 * 1024
    /// zstd's level: 1 compresses 10 KB blocks of English ~2.8× as fast as zlib's level 1 (127 vs
    /// 45 MB/s here), ~5% smaller, and decompresses them twice as fast; the build feels the
    /// compression on two cores.
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

    /// The packed records, to be compressed; the block is empty again afterwards.
    mutating func take() -> [UInt8] {
        defer { packed.removeAll(keepingCapacity: true) }
        return packed
    }

    /// A compressor for blocks, to be used by one thread at a time.
    static func compressor() -> Zstd.Compressor {
        Zstd.Compressor(level: compressionLevel)
    }

    /// The passage at `index` in the stored block `stored`, with its `id` and `expert`, decompressed by `decompressor`.
    ///
    /// - Returns: nil when the block is damaged or has no passage at `index`.
    static func passage(at index: Int, in stored: UnsafeRawBufferPointer, id: String, expert: String, using decompressor: Zstd.Decompressor) -> Passage? {
        guard index >= 0 else { return nil }
        return decompressor.decompress(stored) { records in
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
