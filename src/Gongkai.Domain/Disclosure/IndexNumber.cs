using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Domain.Disclosure;

/// <summary>
/// 索引号: the item's key in the 政府信息公开目录. Opaque and unique per publisher; assigned once and
/// never reused. Use <see cref="IndexNumberParser"/> to read the issuer and year out of the common forms.
/// </summary>
public sealed record IndexNumber
{
    /// <summary>Longest 索引号 accepted; real ones are under 40 characters.</summary>
    public const int MaxLength = 64;

    public IndexNumber(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (value.Length > MaxLength || value.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"A 索引号 has no spaces and at most {MaxLength} characters.", nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    public override string ToString() => Value;
}

/// <summary>What <see cref="IndexNumberParser"/> reads out of a 索引号 of the common form.</summary>
/// <param name="Issuer">The issuer code: an 18-character 统一社会信用代码 or a 9-character 组织机构代码 (with or without its hyphen).</param>
/// <param name="Year">Four-digit year.</param>
/// <param name="Month">Month, when the form is <c>YYYYMM</c>.</param>
/// <param name="Sequence">流水号 as written (leading zeros kept).</param>
public sealed record ParsedIndexNumber(string Issuer, int Year, int? Month, string Sequence)
{
    /// <summary>Whether <see cref="Issuer"/> is an 18-character code with a valid GB 32100 check character.</summary>
    public bool IssuerIsValidCreditCode => UnifiedSocialCreditCode.IsValid(Issuer);
}

/// <summary>Parses the dominant 索引号 form of ogi-domain.md D.4: <c>{机构代码}/{年份}[{月}]-{流水号}</c>.</summary>
public static partial class IndexNumberParser
{
    /// <summary>
    /// The regex of D.4, widened in one place: the 组织机构代码 body may have 7 or 8 characters before
    /// its check character, because published numbers such as <c>0142768-8/2022-00185</c> drop a leading
    /// zero (D.4's own example, which its regex as written does not match).
    /// </summary>
    public const string Pattern = @"^(?<org>[0-9A-Z]{18}|[0-9A-Z]{7,8}-?[0-9A-Z])[/-](?<year>\d{4})(?<month>\d{2})?-(?<seq>\d+)$";

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CommonForm();

    /// <summary>Parses <paramref name="text"/>; false for other forms (which are still valid, opaque 索引号).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ParsedIndexNumber? parsed)
    {
        parsed = null;
        if (text is null || text.Length > IndexNumber.MaxLength)
        {
            return false;
        }

        var m = CommonForm().Match(text.Trim());
        if (!m.Success)
        {
            return false;
        }

        int? month = m.Groups["month"].Success ? int.Parse(m.Groups["month"].Value, CultureInfo.InvariantCulture) : null;
        if (month is < 1 or > 12)
        {
            return false;
        }

        parsed = new ParsedIndexNumber(m.Groups["org"].Value, int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), month, m.Groups["seq"].Value);
        return true;
    }
}

/// <summary>
/// The agency's rule for making a 索引号, as a pattern of literal text and tokens:
/// <list type="bullet">
/// <item><c>{code}</c> the 统一社会信用代码 (18 characters); <c>{org}</c> its 组织机构代码 part (9);</item>
/// <item><c>{year}</c> four-digit year of publication; <c>{month}</c> two-digit month;</item>
/// <item><c>{art20}</c> the Art. 20 item number, two digits; <c>{catalogue}</c> the 目录 code;</item>
/// <item><c>{seq}</c> or <c>{seq:00000}</c> the 流水号 with a .NET numeric format (default five digits).</item>
/// </list>
/// The sequence runs per <em>scope</em>: the pattern rendered with every token except <c>{seq}</c>, so
/// <c>{code}/{year}-{seq}</c> restarts each year and <c>{code}/{year}{month}-{seq}</c> each month.
/// </summary>
public sealed partial class IndexNumberRule
{
    /// <summary>The default: <c>{code}/{year}-{seq:00000}</c>, e.g. <c>11341702486344515H/2025-00001</c>.</summary>
    public const string DefaultPattern = "{code}/{year}-{seq:00000}";

    private static readonly string[] s_tokens = ["code", "org", "year", "month", "art20", "catalogue", "seq"];

    /// <summary>A rule for an agency identified by a valid 统一社会信用代码.</summary>
    public IndexNumberRule(string pattern, UnifiedSocialCreditCode agencyCode)
        : this(pattern, agencyCode.Value)
    {
    }

    /// <summary>
    /// A rule for an issuer code that is not (or not yet) a valid 统一社会信用代码: an organisation code,
    /// a pinyin abbreviation, or a credit code whose check character is wrong in the records. <c>{org}</c>
    /// is characters 9-17 of an 18-character code, otherwise the whole code.
    /// </summary>
    public IndexNumberRule(string pattern, string issuerCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuerCode);
        if (issuerCode.Any(c => char.IsWhiteSpace(c) || c is '{' or '}'))
        {
            throw new ArgumentException("An issuer code has no spaces or braces.", nameof(issuerCode));
        }

        var seqCount = 0;
        foreach (Match m in Token().Matches(pattern))
        {
            var name = m.Groups["name"].Value;
            if (!s_tokens.Contains(name))
            {
                throw new ArgumentException($"Unknown token '{{{name}}}' in 索引号 pattern; known: {string.Join(", ", s_tokens)}.", nameof(pattern));
            }

            if (name == "seq")
            {
                seqCount++;
            }
            else if (m.Groups["format"].Success)
            {
                throw new ArgumentException($"Only {{seq}} takes a format, not '{m.Value}'.", nameof(pattern));
            }
        }

        if (seqCount != 1)
        {
            throw new ArgumentException("A 索引号 pattern needs exactly one {seq} token, or numbers would repeat.", nameof(pattern));
        }

        Pattern = pattern;
        IssuerCode = issuerCode;
    }

    public string Pattern { get; }

    /// <summary>The code <c>{code}</c> stands for.</summary>
    public string IssuerCode { get; }

    /// <summary>Whether <see cref="IssuerCode"/> is a valid 统一社会信用代码.</summary>
    public bool IssuerIsValidCreditCode => UnifiedSocialCreditCode.IsValid(IssuerCode);

    public static IndexNumberRule Default(UnifiedSocialCreditCode agencyCode) => new(DefaultPattern, agencyCode);

    [GeneratedRegex(@"\{(?<name>[a-z0-9]+)(?::(?<format>[^}]+))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    /// <summary>The scope the sequence runs in for an item published on <paramref name="publishedOn"/>.</summary>
    public string ScopeFor(DisclosureItem item, DateOnly publishedOn) => Render(item, publishedOn, null);

    /// <summary>The 索引号 for <paramref name="sequence"/> (1-based) in that scope.</summary>
    public IndexNumber Format(DisclosureItem item, DateOnly publishedOn, long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return new IndexNumber(Render(item, publishedOn, sequence));
    }

    private string Render(DisclosureItem item, DateOnly on, long? sequence)
    {
        return Token().Replace(Pattern, m => m.Groups["name"].Value switch
        {
            "code" => IssuerCode,
            "org" => IssuerCode.Length == 18 ? IssuerCode.Substring(8, 9) : IssuerCode,
            "year" => on.Year.ToString("0000", CultureInfo.InvariantCulture),
            "month" => on.Month.ToString("00", CultureInfo.InvariantCulture),
            "art20" => item.Art20Number.ToString("00", CultureInfo.InvariantCulture),
            "catalogue" => item.CatalogueCode,
            "seq" => sequence is { } s
                ? s.ToString(m.Groups["format"].Success ? m.Groups["format"].Value : "00000", CultureInfo.InvariantCulture)
                : "{seq}",
            _ => m.Value,
        });
    }
}

/// <summary>
/// Hands out 流水号 for a scope: each call returns a number never returned before for that scope
/// (strictly increasing, starting at 1), even under concurrent calls and after a failed publication.
/// Numbers are never given back, so a 索引号 is never reused. The database implementation keeps a
/// row per scope plus a unique index on the 索引号 and retries on conflict.
/// </summary>
public interface IIndexSequenceAllocator
{
    ValueTask<long> NextAsync(string scope, CancellationToken cancellationToken = default);
}

/// <summary>Thread-safe in-memory allocator, for tests and single-process tools.</summary>
public sealed class InMemoryIndexSequenceAllocator : IIndexSequenceAllocator
{
    private readonly ConcurrentDictionary<string, System.Runtime.CompilerServices.StrongBox<long>> _last = new(StringComparer.Ordinal);

    /// <summary>Start with the given last-used numbers (e.g. from an imported 目录).</summary>
    public InMemoryIndexSequenceAllocator(IEnumerable<KeyValuePair<string, long>>? lastUsed = null)
    {
        foreach (var (scope, last) in lastUsed ?? [])
        {
            _last[scope] = new System.Runtime.CompilerServices.StrongBox<long>(last);
        }
    }

    public ValueTask<long> NextAsync(string scope, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var box = _last.GetOrAdd(scope, _ => new System.Runtime.CompilerServices.StrongBox<long>(0));
        return ValueTask.FromResult(Interlocked.Increment(ref box.Value));
    }
}

/// <summary>Makes 索引号 by an agency's <see cref="IndexNumberRule"/> and an <see cref="IIndexSequenceAllocator"/>.</summary>
public sealed class IndexNumberGenerator(IndexNumberRule rule, IIndexSequenceAllocator allocator)
{
    public IndexNumberRule Rule => rule;

    /// <summary>A fresh 索引号 for <paramref name="item"/> published on <paramref name="publishedOn"/>.</summary>
    public async ValueTask<IndexNumber> NextAsync(DisclosureItem item, DateOnly publishedOn, CancellationToken cancellationToken = default)
    {
        var seq = await allocator.NextAsync(rule.ScopeFor(item, publishedOn), cancellationToken).ConfigureAwait(false);
        return rule.Format(item, publishedOn, seq);
    }
}
