import Corpus

/// The stored fields of one passage, packed and compressed on their own with Zstandard against a
/// dictionary trained on the corpus (`PassageRecordWriter`).
///
/// Reading a passage decompresses only its own record. Passages were compressed together in
/// ~10 KB blocks before (schema 5), as tantivy's document store does, because alone a passage of a
/// few hundred bytes compresses poorly; but a block took 11 µs to decompress, a fifth of a query's
/// time at 100k passages. With a 110 KB dictionary a record takes 0.6 µs, and at level 3 the records
/// are smaller than the level-1 blocks were (18.6 against 20.5 MB at 100k passages).
///
/// The fields kept here are those read only to show a passage: role, question, text, source and
/// ordinal (`id` and `expert` are columns of `passages`, which are looked up). Layout: one zstd
/// frame (`Zstd`: content size and checksum) of `varint(ordinal)`, then role, question, text and
/// source, each `varint(UTF-8 byte count)` and its bytes.
enum PassageRecord {
    /// zstd's level: with the dictionary, 3 makes the 100k store 49.1 MB against 51.7 at level 1, and
    /// compresses its texts in 0.25 s against 0.21 (measured in C), on the build's second thread.
    static let compressionLevel: Int32 = 3

    /// The stored fields of `passage`, packed.
    static func pack(_ passage: Passage) -> [UInt8] {
        var packed: [UInt8] = []
        Varint.append(UInt64(bitPattern: Int64(passage.ordinal)), to: &packed)
        for field in [passage.role, passage.question, passage.text, passage.source] {
            var field = field
            field.withUTF8 { bytes in
                Varint.append(UInt64(bytes.count), to: &packed)
                packed.append(contentsOf: bytes)
            }
        }
        return packed
    }

    /// A compressor for records, against `dictionary` when there is one; used by one thread at a time.
    static func compressor(dictionary: [UInt8]?) -> Zstd.Compressor {
        Zstd.Compressor(level: compressionLevel, dictionary: dictionary)
    }

    /// The passage in the stored record `stored`, with its `id` and `expert`, decompressed by `decompressor`.
    ///
    /// - Returns: nil when the record is damaged.
    static func passage(in stored: UnsafeRawBufferPointer, id: String, expert: String, using decompressor: Zstd.Decompressor) -> Passage? {
        decompressor.decompress(stored) { record in
            var offset = 0
            guard let ordinal = Varint.read(record, at: &offset) else { return nil }
            func field() -> String? {
                guard let count = Varint.read(record, at: &offset), count <= record.count - offset else { return nil }
                let end = offset + Int(count)
                defer { offset = end }
                return String(decoding: UnsafeRawBufferPointer(rebasing: record[offset..<end]), as: UTF8.self)
            }
            guard let role = field(), let question = field(), let text = field(), let source = field(), offset == record.count else { return nil }
            return Passage(id: id, expert: expert, role: role, question: question, text: text, source: source,
                           ordinal: Int(Int64(bitPattern: ordinal)))
        }
    }
}
