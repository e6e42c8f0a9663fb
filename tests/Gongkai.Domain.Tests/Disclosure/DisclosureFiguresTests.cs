using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Tests.Disclosure;

public class DisclosureFiguresTests
{
    private static readonly PublicationDeadlines s_deadlines = new(WorkingDayCalendar.China);

    private static DisclosureItem Make(int art20, Channels channels, DateOnly written, DateOnly? published, DocumentKind kind = DocumentKind.Other, Validity? validity = null) =>
        TestData.Item() with
        {
            Id = Guid.NewGuid(),
            Art20Number = art20,
            Channels = channels,
            WrittenOn = written,
            PublishedOn = published,
            Kind = kind,
            Validity = validity ?? Validity.InForce(),
        };

    [Fact]
    public void Compute_KnownItems_FiguresMatch()
    {
        var items = new[]
        {
            // Published in 2025 on the website only, on WeChat only, and on both (counted in both channels).
            Make(1, Channels.Website, new DateOnly(2025, 1, 6), new DateOnly(2025, 1, 8), DocumentKind.NormativeDocument),
            Make(1, Channels.Website | Channels.WeChat, new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 5), DocumentKind.Rule),
            Make(6, Channels.WeChat, new DateOnly(2025, 9, 26), new DateOnly(2025, 10, 31)), // late: last day 10-30
            Make(12, Channels.Other, new DateOnly(2025, 6, 3), new DateOnly(2025, 6, 4)),
            // A 2023 规范性文件 repealed in 2025, and one that expires in 2026 (still in force at the end of 2025).
            Make(1, Channels.Website, new DateOnly(2023, 5, 4), new DateOnly(2023, 5, 6), DocumentKind.NormativeDocument, Validity.RepealedOn(new DateOnly(2025, 7, 1))),
            Make(1, Channels.Website, new DateOnly(2024, 5, 6), new DateOnly(2024, 5, 7), DocumentKind.NormativeDocument, Validity.ExpiredOn(new DateOnly(2026, 5, 6))),
            // Made in 2025 but never published: not counted anywhere.
            Make(1, Channels.Website, new DateOnly(2025, 11, 3), null, DocumentKind.NormativeDocument),
            // Published in 2026: not a 2025 figure.
            Make(4, Channels.Website, new DateOnly(2025, 12, 29), new DateOnly(2026, 1, 5)),
        };

        var f = DisclosureFigures.Compute(items, 2025, s_deadlines);

        Assert.Equal(2025, f.Year);
        Assert.Equal(4, f.Published);
        Assert.Equal((2, 2, 1), (f.Website, f.WeChat, f.OtherChannels));
        Assert.Equal(new Dictionary<int, int> { [1] = 2, [6] = 1, [12] = 1 }, f.ByCategory);
        Assert.Equal(new DocumentCounts(Issued: 1, Repealed: 0, InForce: 1), f.Rules);
        Assert.Equal(new DocumentCounts(Issued: 1, Repealed: 1, InForce: 2), f.NormativeDocuments);
        Assert.Equal(1, f.PublishedLate);
        Assert.Equal(
            [("rules", "issued", 1), ("rules", "repealed", 0), ("rules", "in_force", 1),
             ("normative_documents", "issued", 1), ("normative_documents", "repealed", 1), ("normative_documents", "in_force", 2)],
            f.Table2Cells().AsEnumerable());
        var layout = Gongkai.Domain.Reports.FormatCatalogue.Default.Layout("table2-2021");
        Assert.All(f.Table2Cells(), c => Assert.Contains(layout.Rows, r => r.Key == c.Row && r.Columns.Any(col => col.Key == c.Column)));
    }

    [Fact]
    public void Compute_RandomItems_FiguresEqualCountsOfItems()
    {
        var random = new Random(3);
        var items = Enumerable.Range(0, 470).Select(_ =>
        {
            var written = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 365));
            var published = random.Next(10) == 0 ? (DateOnly?)null : written.AddDays(random.Next(0, 40));
            return Make(random.Next(1, 16), (Channels)random.Next(1, 8), written, published, (DocumentKind)random.Next(0, 3));
        }).ToList();

        var f = DisclosureFigures.Compute(items, 2025, s_deadlines);
        var in2025 = items.Where(i => i.PublishedOn?.Year == 2025).ToList();
        Assert.Equal(in2025.Count, f.Published);
        Assert.Equal(in2025.Count, f.ByCategory.Values.Sum());
        Assert.Equal(in2025.Count(i => (i.Channels & Channels.WeChat) != 0), f.WeChat);
        Assert.True(f.Website + f.WeChat + f.OtherChannels >= f.Published);
        Assert.Equal(in2025.Count(i => s_deadlines.For(i, new DateOnly(2025, 12, 31)).Status == DeadlineStatus.Late), f.PublishedLate);
    }
}
