import ArgumentParser
import Encoder

/// Where the sentence encoder's model is, for the commands that use it.
struct EncoderOptions: ParsableArguments {
    @Option(
        name: .customLong("model-dir"),
        help: ArgumentHelp(
            "The folder with the sentence encoder's model.safetensors and vocab.txt.",
            discussion:
                "Default: $PANELIST_MODEL_DIR, else $XDG_CACHE_HOME/panelist/models/all-MiniLM-L6-v2, filled by scripts/fetch-model.sh (make deps).",
            valueName: "dir"))
    var modelDirectory: String?

    /// The model folder these options name.
    var files: ModelFiles { ModelFiles.locate(modelDirectory: modelDirectory) }
}
