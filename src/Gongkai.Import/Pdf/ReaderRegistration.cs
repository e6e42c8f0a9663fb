using System.Runtime.CompilerServices;
using Gongkai.Import.Docx;

namespace Gongkai.Import.Pdf;

/// <summary>Plugs the PDF and DOCX readers into <see cref="ReportImporter"/> when the assembly loads.</summary>
internal static class ReaderRegistration
{
#pragma warning disable CA2255 // The readers live in the same assembly as the dispatcher; registering on load keeps ReportImporter free of a hard dependency.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        ReportImporter.Register(SourceKind.Pdf, PdfSourceReader.Read);
        ReportImporter.Register(SourceKind.Docx, DocxSourceReader.Read);
    }
}
