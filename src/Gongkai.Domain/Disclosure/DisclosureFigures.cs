using System.Collections.Immutable;

namespace Gongkai.Domain.Disclosure;

/// <summary>Counts for Table 2 第二十条第（一）项: 本年制发件数, 本年废止件数, 现行有效件数.</summary>
public sealed record DocumentCounts(int Issued, int Repealed, int InForce);

/// <summary>
/// The proactive-disclosure figures of one year for the annual report (section 一 narrative and the
/// 规章 / 行政规范性文件 rows of Table 2). Plain data.
/// </summary>
/// <param name="Year">The reporting year.</param>
/// <param name="Published">Distinct items published in the year (发布日期 in the year), withdrawn ones included: they were published.</param>
/// <param name="Website">Of those, items on the website.</param>
/// <param name="WeChat">Of those, items on WeChat. An item on both counts in both, so channels may add up to more than <paramref name="Published"/>.</param>
/// <param name="OtherChannels">Of those, items on other channels.</param>
/// <param name="ByCategory">Items published in the year per Art. 20 item number; numbers with no items are absent.</param>
/// <param name="Rules">规章.</param>
/// <param name="NormativeDocuments">行政规范性文件.</param>
/// <param name="PublishedLate">Items published in the year after their Art. 26 deadline.</param>
public sealed record DisclosureYearFigures(
    int Year,
    int Published,
    int Website,
    int WeChat,
    int OtherChannels,
    ImmutableSortedDictionary<int, int> ByCategory,
    DocumentCounts Rules,
    DocumentCounts NormativeDocuments,
    int PublishedLate)
{
    /// <summary>
    /// The six Table 2 cells of 第二十条第（一）项 in the 2021 format's keys (report-json.md):
    /// rows <c>rules</c> and <c>normative_documents</c>, columns <c>issued</c>, <c>repealed</c>, <c>in_force</c>.
    /// </summary>
    public ImmutableArray<(string Row, string Column, int Value)> Table2Cells() =>
    [
        ("rules", "issued", Rules.Issued),
        ("rules", "repealed", Rules.Repealed),
        ("rules", "in_force", Rules.InForce),
        ("normative_documents", "issued", NormativeDocuments.Issued),
        ("normative_documents", "repealed", NormativeDocuments.Repealed),
        ("normative_documents", "in_force", NormativeDocuments.InForce),
    ];
}

/// <summary>Computes <see cref="DisclosureYearFigures"/> from the items.</summary>
public static class DisclosureFigures
{
    /// <summary>
    /// The figures for <paramref name="year"/>. Counting rules for 规章 and 行政规范性文件 (published items only):
    /// <list type="bullet">
    /// <item>制发: 成文日期 in the year;</item>
    /// <item>废止: 有效性 失效 or 废止 with the end date in the year (both end the document's force);</item>
    /// <item>现行有效: in force on 31 December of the year (made by then, not ended by then, not withdrawn by then).</item>
    /// </list>
    /// </summary>
    public static DisclosureYearFigures Compute(IEnumerable<DisclosureItem> items, int year, PublicationDeadlines deadlines)
    {
        var list = items.ToList();
        var published = list.Where(i => i.PublishedOn?.Year == year).ToList();
        var yearEnd = new DateOnly(year, 12, 31);
        var byCategory = published.GroupBy(i => i.Art20Number).ToImmutableSortedDictionary(g => g.Key, g => g.Count());

        DocumentCounts Count(DocumentKind kind)
        {
            var docs = list.Where(i => i.Kind == kind && i.PublishedOn is not null).ToList();
            return new DocumentCounts(
                docs.Count(d => d.WrittenOn.Year == year),
                docs.Count(d => d.Validity.Status != ValidityStatus.InForce && d.Validity.EndedOn?.Year == year),
                docs.Count(d => d.WrittenOn <= yearEnd && d.Validity.IsInForceOn(yearEnd) && (d.WithdrawnOn is null || d.WithdrawnOn > yearEnd)));
        }

        return new DisclosureYearFigures(
            year,
            published.Count,
            published.Count(i => i.Channels.HasFlag(Channels.Website)),
            published.Count(i => i.Channels.HasFlag(Channels.WeChat)),
            published.Count(i => i.Channels.HasFlag(Channels.Other)),
            byCategory,
            Count(DocumentKind.Rule),
            Count(DocumentKind.NormativeDocument),
            published.Count(i => deadlines.For(i, yearEnd).Status == DeadlineStatus.Late));
    }
}
