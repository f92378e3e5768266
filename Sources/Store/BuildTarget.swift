import Corpus
import CTemporaryFiles
import Foundation

/// The file a build replaces: the temporary file the new store is written to first, and how it
/// is put in place so that neither a crash nor a bad path loses data.
///
/// Only a path that holds nothing or a Panelist store is replaced (`StoreFile.isReplaceable`);
/// symbolic links are followed, so the file they point at is replaced, not the link. The
/// temporary file `.NAME.PID.tmp` sits beside the target; it is removed if the build fails or a
/// signal ends the process (`temporary_files_register`), and those that a killed process left
/// behind are removed by the next build. The new file gets the old one's permissions, and both it
/// and its folder are synced to disk around the rename.
struct BuildTarget {
    /// Where the store goes, symbolic links followed.
    let path: String
    /// Where it is written first.
    let temporary: String
    /// The replaced file's status, to give the new file its permissions.
    private let replaced: stat?

    /// Checks that `path` may be replaced and prepares its folder.
    ///
    /// - Throws: `DatabaseError` `.notAStore` when something else is at `path`, `.cannotWrite`
    ///   when its folder cannot be made.
    init(path requested: String) throws {
        let kind = StoreFile(at: requested)
        guard kind.isReplaceable else {
            throw DatabaseError(.notAStore, message: "\(requested) is \(kind.description); Panelist replaces only its own stores, so it was left as it is — choose another store path")
        }
        try self.init(checkedPath: requested)
    }

    /// Prepares the folder of `path`, which the caller found to hold nothing or a file Panelist
    /// wrote (a store, `LexiconCache`'s file).
    ///
    /// - Throws: `DatabaseError.cannotWrite` when the folder cannot be made.
    init(checkedPath requested: String) throws {
        path = Self.followingSymbolicLinks(requested)
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw DatabaseError(.cannotWrite, message: "cannot create the folder \(folder.path) for the store (\(DocumentLoader.reason(error))); choose a store path in a folder you can write to")
        }
        temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp").path
        var status = stat()
        replaced = stat(path, &status) == 0 ? status : nil
    }

    /// Runs `write` on the temporary file and, when it succeeds, moves the file into place.
    ///
    /// The temporary file is removed when `write` throws or a signal ends the process; temporary
    /// files of this target left by processes that no longer run are removed first.
    func replace<Result>(_ write: (String) throws -> Result) throws -> Result {
        removeAbandonedTemporaries()
        unlink(temporary)
        let slot = temporary_files_register(temporary)
        defer { temporary_files_forget(slot) }
        do {
            let result = try write(temporary)
            try install()
            return result
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Syncs the finished file, gives it the replaced file's permissions, renames it over the
    /// target and syncs the folder, so after a crash the target is either the old or the new store.
    private func install() throws {
        let descriptor = open(temporary, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("cannot reopen the new store \(temporary)") }
        defer { close(descriptor) }
        if let replaced {
            fchmod(descriptor, replaced.st_mode & 0o7777)
            if getuid() == 0 { fchown(descriptor, replaced.st_uid, replaced.st_gid) }
        }
        guard fsync(descriptor) == 0 else { throw failure("cannot write the new store \(temporary) to disk") }
        guard rename(temporary, path) == 0 else { throw failure("cannot move the new store into place at \(path)") }
        let folder = open(URL(fileURLWithPath: path).deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Removes `.NAME.PID.tmp` files beside the target whose process no longer runs.
    func removeAbandonedTemporaries() {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent().path
        let prefix = ".\(target.lastPathComponent)."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let pid = name.dropFirst(prefix.count).dropLast(4)
            guard let process = pid_t(pid), process > 0, process != getpid(),
                  kill(process, 0) != 0, errno == ESRCH else { continue }
            unlink(folder + "/" + name)
        }
    }

    private func failure(_ what: String) -> DatabaseError {
        DatabaseError(.cannotWrite, message: "\(what): \(String(cString: strerror(errno))); check the folder's permissions and free space")
    }

    /// `path` with symbolic links followed, also to a target that does not exist yet.
    static func followingSymbolicLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = destination.hasPrefix("/") ? destination
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(destination).path
        }
        return current
    }
}
