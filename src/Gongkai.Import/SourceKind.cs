namespace Gongkai.Import;

/// <summary>What kind of file a report arrived as (<see cref="Readers.SourceDetector.Detect"/>).</summary>
public enum SourceKind
{
    Text,
    Html,
    Pdf,
    Docx,
    Unsupported,
    Binary,
}
