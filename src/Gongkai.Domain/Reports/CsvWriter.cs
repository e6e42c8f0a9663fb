using System.Globalization;

namespace Gongkai.Domain.Reports;

/// <summary>
/// The one CSV writer of the project (RFC 4180, CRLF). A field is either a number or text, and
/// the difference matters for spreadsheets:
/// <list type="bullet">
/// <item>A <b>number</b> (<see cref="Number"/>) is written as the number it is, so <c>-8</c> stays a
/// negative number that a spreadsheet can add up.</item>
/// <item><b>Text</b> (<see cref="Text"/>) that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab
/// or a carriage return would be run as a formula by Excel, WPS or LibreOffice (CSV formula
/// injection): it is written with a leading apostrophe (<c>'=HYPERLINK(…)</c>), which the
/// spreadsheet shows as text. Text is quoted, quotes doubled, when it holds a comma, a quote or a
/// line break.</item>
/// </list>
/// </summary>
public sealed class CsvWriter(TextWriter writer)
{
    private bool _rowStarted;

    /// <summary>Writes a text field, neutralised and quoted as the class describes.</summary>
    public CsvWriter Text(string? value)
    {
        Separator();
        writer.Write(Escape(value ?? string.Empty));
        return this;
    }

    /// <summary>Writes a number (empty for null), without trailing zeros, invariant culture.</summary>
    public CsvWriter Number(decimal? value)
    {
        Separator();
        if (value is { } v)
        {
            writer.Write(v.ToString("0.############################", CultureInfo.InvariantCulture));
        }

        return this;
    }

    /// <summary>Writes a number for numeric values (decimal, int, long, double) and text for anything else.</summary>
    public CsvWriter Field(object? value) => value switch
    {
        null => Text(null),
        decimal d => Number(d),
        int or long => Number(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        double d when double.IsFinite(d) => Number((decimal)d),
        IFormattable f => Text(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Text(value.ToString()),
    };

    /// <summary>Writes a whole row of text fields.</summary>
    public void Row(IEnumerable<string?> fields)
    {
        foreach (var field in fields)
        {
            Text(field);
        }

        EndRow();
    }

    /// <summary>Ends the row (CRLF).</summary>
    public void EndRow()
    {
        writer.Write("\r\n");
        _rowStarted = false;
    }

    /// <summary>A text field as this writer writes it: formula triggers neutralised, then quoted when needed.</summary>
    public static string Escape(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            field = "'" + field;
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    private void Separator()
    {
        if (_rowStarted)
        {
            writer.Write(',');
        }

        _rowStarted = true;
    }
}
