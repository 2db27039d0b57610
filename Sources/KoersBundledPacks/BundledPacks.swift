/// The bundled rule packs (the package's `Rules/` folder), compiled into the binary so that an
/// installed `koers` needs no source checkout.
///
/// The build-tool plugin `EmbedRules` (Plugins/EmbedRules) checks every pack in `Rules/` and
/// generates `EmbeddedRules` from its files; a broken pack fails `swift build` with its
/// `file:line:col` diagnostics.
public enum BundledPacks {
    /// The folder the packs are shown under in diagnostics and listings, as in a checkout.
    public static let folderPath = "Rules"

    /// Every file under `Rules/`: its path relative to that folder, with `/` (such as
    /// `set-eligibility/pack.yaml`), and its bytes; sorted by path.
    public static var files: [(path: String, contents: [UInt8])] { EmbeddedRules.files }
}
