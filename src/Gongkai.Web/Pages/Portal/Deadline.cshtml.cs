using Gongkai.Domain.Calendar;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Portal;

/// <summary>工作日期限计算: the last day of a period of working days, with how it was reached.</summary>
public sealed class DeadlineModel(TimeProvider clock, WorkingDayCalendar calendar) : PageModel
{
    public DateOnly? Received { get; private set; }

    public int Days { get; private set; } = 20;

    public string Policy { get; private set; } = CountingPolicy.Default.Name;

    public Deadline? Result { get; private set; }

    public string? Error { get; private set; }

    public DateOnly Today => ChinaTime.Today(clock);

    public void OnGet(DateOnly? received, int? days, string? policy)
    {
        Received = received;
        Days = days ?? 20;
        Policy = CountingPolicy.All.Any(p => p.Name == policy) ? policy! : CountingPolicy.Default.Name;
        if (received is null)
        {
            return;
        }

        if (Days is < 1 or > 200)
        {
            Error = FormCodes.Zh(FormCodes.DeadlineDaysRange);
            return;
        }

        if (received.Value.Year is < 2000 or > 2100)
        {
            Error = FormCodes.Zh(FormCodes.DeadlineDateRange);
            return;
        }

        Result = calendar.Deadline(received.Value, Days, CountingPolicy.FromName(Policy));
    }
}
