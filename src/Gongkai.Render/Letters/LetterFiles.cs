namespace Gongkai.Render.Letters;

/// <summary>The file formats a letter is downloaded in.</summary>
public enum LetterFormat
{
    Docx,
    Pdf,
}

/// <summary>A letter as a file: its bytes, media type and file name.</summary>
public sealed record LetterFile(byte[] Content, string MediaType, string FileName);

/// <summary>Writes a <see cref="Letter"/> in a <see cref="LetterFormat"/> (the one entry point of the two writers).</summary>
public static class LetterFiles
{
    public static bool TryParse(string? code, out LetterFormat format)
    {
        switch (code?.ToLowerInvariant())
        {
            case "docx":
                format = LetterFormat.Docx;
                return true;
            case "pdf":
                format = LetterFormat.Pdf;
                return true;
            default:
                format = default;
                return false;
        }
    }

    /// <summary>The file, named <c>{tracking number}-{title}.docx|pdf</c>.</summary>
    public static LetterFile Write(Letter letter, LetterFormat format, string trackingNumber, PdfRenderOptions? pdf = null) => format switch
    {
        LetterFormat.Pdf => new(PdfLetterWriter.Write(letter, pdf), PdfLetterWriter.MediaType, $"{trackingNumber}-{letter.Title}.pdf"),
        _ => new(DocxLetterWriter.Write(letter), DocxLetterWriter.MediaType, $"{trackingNumber}-{letter.Title}.docx"),
    };
}
