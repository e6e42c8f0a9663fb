using System.Collections.Immutable;

namespace Gongkai.Domain.Casework;

/// <summary>One band of a fee table: units <see cref="From"/>–<see cref="To"/> (inclusive; open-ended when null) cost <see cref="Rate"/> 元 each.</summary>
public sealed record FeeBand(int From, int? To, decimal Rate);

/// <summary>A line of a fee quote: units <see cref="From"/>–<see cref="To"/> (inclusive) at <see cref="Rate"/> 元 each.</summary>
public sealed record FeeLine(int From, int To, decimal Rate)
{
    public int Units => To - From + 1;

    public decimal Amount => Units * Rate;
}

/// <summary>A fee worked out by <see cref="FeeCalculator"/>: the method, the units charged, and the band lines, in 元.</summary>
public sealed record FeeQuote(FeeMethod Method, int Units, int PriorUnits, ImmutableArray<FeeLine> Lines)
{
    public decimal Amount => Lines.Sum(l => l.Amount);
}

/// <summary>
/// 信息处理费 under 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号), excess-progressive (超额累进) in both methods
/// (ogi-domain.md C.2).
/// <list type="bullet">
/// <item>按件 (<see cref="PerRequest"/>): per applicant per calendar month; requests 1–10 free, 11–30 at 100 元, then bands of
/// 10 each 100 元 dearer: 31–40 at 200, 41–50 at 300, …</item>
/// <item>按量 (<see cref="PerPage"/>): per application; pages 1–30 free, 31–100 at 10 元, 101–200 at 20 元, 201 and above at 40 元.</item>
/// </list>
/// </summary>
public static class FeeCalculator
{
    /// <summary>The 按件 band size above 30 requests.</summary>
    public const int PerRequestBandSize = 10;

    /// <summary>The 按件 table up to 30 requests; above it, <see cref="PerRequestRate"/> adds 100 元 per band of 10.</summary>
    public static ImmutableArray<FeeBand> PerRequestBands { get; } = [new(1, 10, 0m), new(11, 30, 100m)];

    /// <summary>The 按量 table.</summary>
    public static ImmutableArray<FeeBand> PerPageBands { get; } = [new(1, 30, 0m), new(31, 100, 10m), new(101, 200, 20m), new(201, null, 40m)];

    /// <summary>The 按件 rate (元) of the <paramref name="n"/>-th request of the month (1-based).</summary>
    public static decimal PerRequestRate(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (n <= 30)
        {
            return PerRequestBands.First(b => n <= b.To).Rate;
        }

        return 100m * (2 + ((n - 31) / PerRequestBandSize));
    }

    /// <summary>The 按量 rate (元) of the <paramref name="page"/>-th page of the application (1-based).</summary>
    public static decimal PerPageRate(int page)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        return PerPageBands.First(b => b.To is null || page <= b.To).Rate;
    }

    /// <summary>
    /// 按件: the fee for <paramref name="requests"/> more requests by an applicant who has already made
    /// <paramref name="priorRequestsInMonth"/> in the same calendar month.
    /// </summary>
    public static FeeQuote PerRequest(int priorRequestsInMonth, int requests)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(priorRequestsInMonth);
        ArgumentOutOfRangeException.ThrowIfLessThan(requests, 1);
        return new FeeQuote(FeeMethod.PerRequest, requests, priorRequestsInMonth, Lines(priorRequestsInMonth + 1, priorRequestsInMonth + requests, PerRequestRate));
    }

    /// <summary>按量: the fee for an application of <paramref name="pages"/> pages.</summary>
    public static FeeQuote PerPage(int pages)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pages, 1);
        return new FeeQuote(FeeMethod.PerPage, pages, 0, Lines(1, pages, PerPageRate));
    }

    /// <summary>The fee by <paramref name="method"/>; <paramref name="priorRequestsInMonth"/> is ignored for 按量.</summary>
    public static FeeQuote Quote(FeeMethod method, int units, int priorRequestsInMonth = 0) =>
        method == FeeMethod.PerRequest ? PerRequest(priorRequestsInMonth, units) : PerPage(units);

    /// <summary>
    /// How many requests (<see cref="Application.Requests"/>) <paramref name="applicant"/> made in the calendar month of
    /// <paramref name="month"/> before <paramref name="before"/>: those received earlier that month, and those received the
    /// same day that come before it in <paramref name="applications"/>.
    /// </summary>
    public static int RequestsInMonthBefore(IEnumerable<Application> applications, Applicant applicant, DateOnly month, Application before)
    {
        var key = applicant.CountingKey;
        var list = applications.ToList();
        var position = list.FindIndex(a => a.Id == before.Id);
        var count = 0;
        for (var i = 0; i < list.Count; i++)
        {
            var a = list[i];
            if (a.Id == before.Id || a.Applicant.CountingKey != key || a.ReceivedOn.Year != month.Year || a.ReceivedOn.Month != month.Month)
            {
                continue;
            }

            if (a.ReceivedOn < before.ReceivedOn || (a.ReceivedOn == before.ReceivedOn && position >= 0 && i < position))
            {
                count += a.Requests;
            }
        }

        return count;
    }

    /// <summary>
    /// The 按件 fee of <paramref name="application"/>, counting the applicant's earlier requests that month among
    /// <paramref name="applications"/> (<see cref="RequestsInMonthBefore"/>).
    /// </summary>
    public static FeeQuote PerRequestFor(Application application, IEnumerable<Application> applications) =>
        PerRequest(RequestsInMonthBefore(applications, application.Applicant, application.ReceivedOn, application), application.Requests);

    private static ImmutableArray<FeeLine> Lines(int from, int to, Func<int, decimal> rate)
    {
        var lines = ImmutableArray.CreateBuilder<FeeLine>();
        var start = from;
        for (var n = from + 1; n <= to + 1; n++)
        {
            if (n > to || rate(n) != rate(start))
            {
                lines.Add(new FeeLine(start, n - 1, rate(start)));
                start = n;
            }
        }

        return lines.ToImmutable();
    }
}
