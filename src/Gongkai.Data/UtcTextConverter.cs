using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gongkai.Data;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as the instant in UTC, written <c>yyyy-MM-dd HH:mm:ss.FFFFFFF+00:00</c>
/// (the text EF Core's SQLite provider writes for an offset of zero). Every value has the same offset, and
/// a shorter fraction ends in <c>+</c>, which sorts before any digit or <c>.</c>, so text order is time
/// order. Reading accepts any offset (rows written before the conversion) and returns the instant in UTC,
/// as PostgreSQL's <c>timestamptz</c> does.
/// </summary>
public sealed class UtcTextConverter() : ValueConverter<DateTimeOffset, string>(
    v => ToText(v),
    s => FromText(s))
{
    private const string Format = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz";

    /// <summary>The stored text of <paramref name="value"/>.</summary>
    public static string ToText(DateTimeOffset value) => value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The instant stored as <paramref name="text"/>, in UTC.</summary>
    public static DateTimeOffset FromText(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).ToUniversalTime();
}
