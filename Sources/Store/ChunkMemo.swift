import Foundation
import Retrieval

/// A chunk's numbered terms (`TermNumberer`): most chunks are one word, with one term or none.
enum NumberedChunk: Equatable {
    case none(FunctionWordSet)
    case one(NumberedTerm)
    case several([NumberedTerm], FunctionWordSet)
}

/// The numbered terms of chunks of text, looked up by the chunk's UTF-8 bytes and whether its text
/// has lower-case letters: `TermNumberer`'s memory of the chunks it has analysed.
///
/// An open-addressing table of 32-byte slots rather than a `Dictionary` keyed by `String`: a chunk
/// is looked up for every word of a build, and making a `String` of it, hashing that with SipHash
/// and following the dictionary's buckets cost more than the rest of the lookup (measured in
/// docs/PERFORMANCE.md). A slot holds a chunk of up to 16 bytes and a one-term value itself, so
/// that finding a word reads one cache line; longer chunks' bytes sit in `longChunks`, and values
/// other than one term in `others`. The table holds at most `limit` chunks; `removeAll` empties it
/// and keeps its memory.
struct ChunkMemo {
    private struct Slot {
        /// The chunk's hash, never 0; 0 marks an empty slot.
        var hash: UInt64 = 0
        /// The chunk's bytes when it has at most 16 (zero-padded), else its offset in `longChunks`.
        var low: UInt64 = 0
        var high: UInt64 = 0
        /// The chunk's length, with `lowercaseFlag` and `otherFlag`.
        var length: UInt32 = 0
        /// A `NumberedTerm`'s bits, or with `otherFlag` the index of the value in `others`.
        var payload: UInt32 = 0
    }

    /// The most chunks held.
    let limit: Int
    private(set) var count = 0
    /// Twice `limit` long, a power of two, so that probes stay short.
    private var slots: [Slot]
    private var longChunks: [UInt8] = []
    private var others: [NumberedChunk] = []
    /// Set in a slot's `length` when its value is in `others`, and when its text has lower-case letters.
    private static let otherFlag: UInt32 = 1 << 31
    private static let lowercaseFlag: UInt32 = 1 << 30

    init(limit: Int) {
        self.limit = max(1, limit)
        var size = 2
        while size < 2 * self.limit { size *= 2 }
        slots = Array(repeating: Slot(), count: size)
    }

    var isFull: Bool { count >= limit }

    /// The value kept for the chunk of `key`.
    func value(for key: Key) -> NumberedChunk? {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: key.hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let slot = slots[index]
                if slot.hash == 0 { return nil }
                if slot.hash == key.hash, slot.length & ~Self.otherFlag == key.length, holds(key, in: slot) {
                    return slot.length & Self.otherFlag != 0 ? others[Int(slot.payload)] : .one(NumberedTerm(bits: slot.payload))
                }
                index = (index + 1) & mask
            }
        }
    }

    /// Keeps `value` for the chunk of `key`, which must not be kept yet, in a table that is not full.
    mutating func insert(_ value: NumberedChunk, for key: Key) {
        precondition(!isFull, "insert into a full ChunkMemo")
        var slot = Slot(hash: key.hash, low: key.low, high: key.high, length: key.length)
        if key.chunk.count > 16 {
            slot.low = UInt64(longChunks.count)
            longChunks.append(contentsOf: key.chunk)
        }
        if case .one(let term) = value {
            slot.payload = term.bits
        } else {
            slot.length |= Self.otherFlag
            slot.payload = UInt32(others.count)
            others.append(value)
        }
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: key.hash) & mask
        while slots[index].hash != 0 { index = (index + 1) & mask }
        slots[index] = slot
        count += 1
    }

    /// Forgets every chunk.
    mutating func removeAll() {
        for index in slots.indices { slots[index] = Slot() }
        longChunks.removeAll(keepingCapacity: true)
        others.removeAll(keepingCapacity: true)
        count = 0
    }

    private func holds(_ key: Key, in slot: Slot) -> Bool {
        guard key.chunk.count > 16 else { return slot.low == key.low && slot.high == key.high }
        return longChunks.withUnsafeBufferPointer { stored in
            memcmp(stored.baseAddress! + Int(slot.low), key.chunk.baseAddress!, key.chunk.count) == 0
        }
    }

    /// A chunk as the table looks it up, made once for the lookups and the insert of one chunk: its
    /// bytes (valid while the key is used), hash, length with the case flag, and its bytes as two
    /// words when it has at most 16.
    struct Key {
        let chunk: UnsafeBufferPointer<UInt8>
        var hash: UInt64
        var length: UInt32
        var low: UInt64 = 0
        var high: UInt64 = 0

        /// FNV-1a over the bytes, then the flag, finished with a multiply-xorshift so that the low
        /// bits the table indexes by depend on every byte; the same in every process.
        init(_ chunk: UnsafeBufferPointer<UInt8>, hasLowercase: Bool) {
            precondition(chunk.count < Int(ChunkMemo.lowercaseFlag), "a chunk of a gigabyte")
            self.chunk = chunk
            length = UInt32(chunk.count) | (hasLowercase ? ChunkMemo.lowercaseFlag : 0)
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in chunk { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ (hasLowercase ? 1 : 2)) &* 0x100_0000_01b3
            hash ^= hash >> 32
            hash &*= 0xd6e8_feb8_6659_fd93
            hash ^= hash >> 32
            self.hash = hash == 0 ? 1 : hash
            if chunk.count <= 16, let base = chunk.baseAddress {
                withUnsafeMutableBytes(of: &low) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base, count: min(8, chunk.count))) }
                if chunk.count > 8 {
                    withUnsafeMutableBytes(of: &high) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base + 8, count: chunk.count - 8)) }
                }
            }
        }
    }
}
