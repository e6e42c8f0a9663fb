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

    /// <summary>A Word 97-2003 document (.doc) or WPS Office's .wps: an OLE compound file holding a <c>WordDocument</c> stream.</summary>
    WordBinary,

    /// <summary>Rich Text Format (<c>{\rtf</c>): what many sites' "export to Word" and WPS give, often named .doc.</summary>
    Rtf,

    /// <summary>A web archive (MHTML: a browser's single-file page, Word's 单个文件网页; .mht, .mhtml, sometimes .doc).</summary>
    Mht,
}
