using System.Collections.Immutable;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Disclosure;

/// <summary>Where an item stands against its Art. 26 deadline.</summary>
public enum DeadlineStatus
{
    /// <summary>Not published; the last day is today or later.</summary>
    Due,

    /// <summary>Not published and the last day has passed.</summary>
    Overdue,

    /// <summary>Published on or before the last day.</summary>
    OnTime,

    /// <summary>Published after the last day.</summary>
    Late,
}

/// <summary>
/// The Art. 26 deadline of one item: it must be published within 20 working days of being made or
/// changed. <see cref="LastDay"/> is the last day that is still on time (inclusive); the counting starts
/// the working day after <see cref="CountsFrom"/> (成文日期, or 变更日期 when the item changed).
/// </summary>
public sealed record PublicationDeadline(Guid ItemId, string Title, DateOnly CountsFrom, DateOnly LastDay, bool IsProvisional, DeadlineStatus Status, DateOnly? PublishedOn)
{
    public bool IsLate => Status is DeadlineStatus.Late or DeadlineStatus.Overdue;
}

/// <summary>
/// Art. 26: computes deadlines on the working-day calendar and reports what is due and what is late.
/// The day the item was made or changed is not counted; the 20th working day after it is the last day.
/// A deadline in a year with no loaded holiday schedule is marked provisional, never silently guessed.
/// </summary>
public sealed class PublicationDeadlines(WorkingDayCalendar calendar, int workingDays = PublicationDeadlines.Art26WorkingDays)
{
    /// <summary>Art. 26: 20 working days, unless a law sets another period.</summary>
    public const int Art26WorkingDays = 20;

    public int WorkingDays => workingDays;

    /// <summary>The deadline of <paramref name="item"/> as of <paramref name="today"/>.</summary>
    public PublicationDeadline For(DisclosureItem item, DateOnly today)
    {
        var answer = calendar.AddWorkingDays(item.MadeOrChangedOn, workingDays);
        var status = item.PublishedOn switch
        {
            { } p when p <= answer.Value => DeadlineStatus.OnTime,
            { } => DeadlineStatus.Late,
            null when today <= answer.Value => DeadlineStatus.Due,
            null => DeadlineStatus.Overdue,
        };
        return new PublicationDeadline(item.Id, item.Title, item.MadeOrChangedOn, answer.Value, answer.IsProvisional, status, item.PublishedOn);
    }

    /// <summary>
    /// What is due (not published, still in time; soonest first) and what is late (overdue, or published
    /// late), as of <paramref name="today"/>. Withdrawn items are left out.
    /// </summary>
    public DeadlineReport Report(IEnumerable<DisclosureItem> items, DateOnly today)
    {
        var all = items.Where(i => i.WithdrawnOn is null).Select(i => For(i, today)).ToList();
        return new DeadlineReport(
            today,
            [.. all.Where(d => d.Status == DeadlineStatus.Due).OrderBy(d => d.LastDay).ThenBy(d => d.Title, StringComparer.Ordinal)],
            [.. all.Where(d => d.IsLate).OrderBy(d => d.LastDay).ThenBy(d => d.Title, StringComparer.Ordinal)]);
    }
}

/// <summary>The deadline report: items due and items late as of <see cref="AsOf"/>.</summary>
public sealed record DeadlineReport(DateOnly AsOf, ImmutableArray<PublicationDeadline> Due, ImmutableArray<PublicationDeadline> Late);
